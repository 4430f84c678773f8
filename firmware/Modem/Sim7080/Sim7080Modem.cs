namespace CellularIot.Modem.Sim7080
{
    using System;
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Modem.ThreeGpp;
    using CellularIot.Support;

    /// <summary>
    /// The SIMCom SIM7080G driver, following the AT dialect in notes/sim7080-dialect.md. It registers its URC
    /// handlers on the channel when created and starts the channel on the first <see cref="PowerOn"/>. Its
    /// handlers only set flags and events, as the channel asks; everything that waits runs on the caller's thread.
    /// </summary>
    public sealed class Sim7080Modem : IModem
    {
        // The bare answers, by shape: anything else between a command and its answer (DST: 1, *PSUTTZ, SMS Ready) is not it.
        private static readonly AtBareShape IccidShape = AtBareShape.Digits(18, 22);
        private static readonly AtBareShape ImeiShape = AtBareShape.Digits(14, 17);
        private static readonly AtBareShape RevisionShape = AtBareShape.Token("Revision:", 4, 64);

        private readonly AtChannel channel;
        private readonly IPowerKey powerKey;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly Sim7080Settings settings;
        private readonly ModemCommands commands;
        private readonly ThreeGppQueries threeGpp;
        private readonly RegistrationWatch registration;
        private readonly SimReadiness sim;
        private readonly Sim7080DataContext data;
        private readonly Sim7080SocketUrcs socketUrcs;
        private readonly ManualResetEvent bootSeen = new ManualResetEvent(false);
        private readonly ManualResetEvent powerDownSeen = new ManualResetEvent(false);
        private readonly BootWatch boot;
        private readonly SocketTable sockets;
        private readonly CaFileStore caFiles;
        private readonly AlpnSetting alpn;
        private readonly object sync = new object();
        private ModemIdentity identity;
        private ModemCapabilities capabilities;

        /// <summary>Creates the driver over <paramref name="channel"/> (started on the first <see cref="PowerOn"/>).</summary>
        public Sim7080Modem(AtChannel channel, IPowerKey powerKey, IClock clock, ILog log, Sim7080Settings settings)
        {
            if (channel == null)
            {
                throw new ArgumentNullException(nameof(channel));
            }

            if (powerKey == null)
            {
                throw new ArgumentNullException(nameof(powerKey));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (log == null)
            {
                throw new ArgumentNullException(nameof(log));
            }

            Sim7080Settings.Check(settings);
            this.channel = channel;
            this.powerKey = powerKey;
            this.clock = clock;
            this.log = log;
            this.settings = settings;
            commands = new ModemCommands(channel, settings.CommandTimeoutMs, settings.ProbeTimeoutMs);
            threeGpp = new ThreeGppQueries(commands);
            registration = new RegistrationWatch(channel, threeGpp, clock, log);
            sim = new SimReadiness(threeGpp, clock, log, settings.SimReadyTimeoutMs, settings.SimPollMs);
            boot = new BootWatch(bootSeen, powerDownSeen, clock, settings.LateBootWindowMs);
            sockets = new SocketTable(settings.SocketCount);
            data = new Sim7080DataContext(channel, commands, sockets, clock, log, settings);
            caFiles = new CaFileStore(commands, settings, log);
            alpn = settings.AlpnKeyword == null ? null : new AlpnSetting(commands, settings.AlpnKeyword, log);
            capabilities = new ModemCapabilities(true, true, false, settings.MaxSendChunk, settings.SocketCount);
            channel.Register("RDY", OnRdy);
            channel.Register("SMS Ready", OnSmsReady);
            channel.Register("NORMAL POWER DOWN", OnPowerDown);
            socketUrcs = new Sim7080SocketUrcs(channel, sockets);
        }

        /// <inheritdoc/>
        public event EventHandler Rebooted;

        /// <inheritdoc/>
        public ModemCapabilities Capabilities
        {
            get
            {
                lock (sync)
                {
                    return capabilities;
                }
            }
        }

        /// <inheritdoc/>
        public ModemIdentity Identity
        {
            get
            {
                lock (sync)
                {
                    return identity;
                }
            }
        }

        /// <inheritdoc/>
        public bool RebootDetected
        {
            get { return boot.RebootDetected; }
        }

        /// <inheritdoc/>
        public void PowerOn()
        {
            channel.Start();
            boot.Begin();
            try
            {
                bool answering = commands.Probe(settings.ProbeAttempts);
                if (!answering)
                {
                    log.Info("modem silent: pressing PWRKEY");
                    boot.ExpectBoot();
                    powerKey.Pulse(settings.PowerKeyPulseMs);
                    if (!WaitForBoot())
                    {
                        throw new ModemException("modem did not boot within " + settings.BootTimeoutMs + " ms of PWRKEY");
                    }
                }

                BringUp(answering);
            }
            finally
            {
                boot.End();
            }
        }

        /// <inheritdoc/>
        public void PowerOff()
        {
            if (channel.IsRunning && commands.Probe(1))
            {
                commands.Ok(commands.Command("AT+CPOWD=1").ExpectSuccessLine("NORMAL POWER DOWN").WithTimeout(settings.PowerDownTimeoutMs));
                log.Info("modem powered off");
            }

            sockets.DetachAll("modem off");
        }

        /// <inheritdoc/>
        public SimState ReadSimState()
        {
            return threeGpp.ReadSimState();
        }

        /// <inheritdoc/>
        public RegistrationState ReadRegistration()
        {
            return threeGpp.ReadRegistration();
        }

        /// <inheritdoc/>
        public RegistrationState WaitForRegistration()
        {
            return registration.WaitForRegistration(settings.AttachTimeoutMs, settings.RegistrationPollMs);
        }

        /// <inheritdoc/>
        public string ActivateData(string apn)
        {
            return data.Activate(apn);
        }

        /// <inheritdoc/>
        public void DeactivateData()
        {
            data.Deactivate();
        }

        /// <inheritdoc/>
        public SignalQuality ReadSignalQuality()
        {
            return threeGpp.ReadSignalQuality();
        }

        /// <inheritdoc/>
        public DateTime ReadNetworkTimeUtc()
        {
            return threeGpp.ReadNetworkTimeUtc();
        }

        /// <inheritdoc/>
        public bool EnsureCaCertificate(string fileName, byte[] pem)
        {
            return caFiles.Ensure(fileName, pem);
        }

        /// <inheritdoc/>
        public ISecureSocket OpenSecureSocket(SecureSocketOptions options)
        {
            CheckOptions(options);
            string serverName = options.ServerName == null ? options.Host : options.ServerName;
            Sim7080Socket socket = sockets.Allocate(channel, clock, settings);
            int cid = socket.Id;
            bool opened = false;
            try
            {
                // The SSL context of a connection is its id (ids stay below the 6 contexts, see SocketCount), bound
                // explicitly: firmware differs in the context a connection uses by default, and one that shared
                // another socket's context would send that socket's SNI.
                commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CSSLCFG=\"sslversion\",").Append(cid).Append(",3"));
                commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CSSLCFG=\"sni\",").Append(cid).Append(",").AppendQuoted(serverName));
                // ALPN stays in the SSL context after its socket closes: a socket without its own gets the HTTP/1.1
                // default back, or it would offer the protocol of whichever socket held this id before (mqtt).
                string protocol = options.Alpn == null && Capabilities.SupportsAlpn ? settings.AlpnProbeProtocol : options.Alpn;
                if (protocol != null && !alpn.Configure(cid, protocol))
                {
                    throw new SocketOpenException(options.Host, SocketOpenError.AlpnNotConfirmed, null);
                }

                commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CASSLCFG=").Append(cid).Append(",\"CRINDEX\",").Append(cid));
                commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CASSLCFG=").Append(cid).Append(",\"SSL\",1"));
                commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CASSLCFG=").Append(cid).Append(",\"CACERT\",").AppendQuoted(options.CaFileName));
                Open(cid, options);
                opened = true;
                log.Info("socket " + cid + " open to " + options.Host + ":" + options.Port);
                return socket;
            }
            finally
            {
                if (!opened)
                {
                    socket.Detach("open failed");
                    sockets.Release(cid, socket);
                }
            }
        }

        /// <inheritdoc/>
        public RecoveryStep Recover()
        {
            channel.Start();
            boot.Begin();
            try
            {
                if (commands.Probe(settings.ProbeAttempts))
                {
                    commands.Ok(commands.Command("ATE0"));
                    commands.Ok(commands.Command("AT+CMEE=2"));
                    return RecoveryStep.AtProbe;
                }

                log.Warn("modem silent: software reset (AT+CFUN=1,1)");
                boot.ExpectBoot();
                commands.Execute(commands.Command("AT+CFUN=1,1").WithTimeout(settings.ResetTimeoutMs));
                sockets.DetachAll("modem reset");
                if (WaitForBoot())
                {
                    BringUp(false);
                    return RecoveryStep.SoftReset;
                }

                log.Warn("modem still silent: PWRKEY power cycle");
                PowerCycle();
                BringUp(false);
                return RecoveryStep.PowerCycle;
            }
            finally
            {
                boot.End();
            }
        }

        /// <summary>
        /// Takes the driver off the channel: its URC handlers are removed and its sockets detached. The modem
        /// itself is left as it is, and the channel keeps running (it belongs to the caller).
        /// </summary>
        public void Dispose()
        {
            channel.Unregister("RDY");
            channel.Unregister("SMS Ready");
            channel.Unregister("NORMAL POWER DOWN");
            registration.Dispose();
            data.Dispose();
            socketUrcs.Dispose();
            sockets.DetachAll("driver disposed");
        }

        private void BringUp(bool answering)
        {
            if (!answering && !commands.Probe(settings.SyncAttempts))
            {
                throw new ModemException("modem does not answer AT after " + settings.SyncAttempts + " attempts");
            }

            commands.Ok(commands.Command("ATE0"));
            commands.Ok(commands.Command("AT+CMEE=2"));
            commands.Ok(commands.Command("AT+CLTS=1"));
            LogClock();
            SimState simState = sim.WaitUntilReady();
            if (simState != SimState.Ready)
            {
                throw new ModemException("SIM not ready: " + ThreeGppQueries.Describe(simState));
            }

            string iccid = sim.ReadBareLine("AT+CCID", IccidShape);
            string imei = threeGpp.ReadBareLine("AT+CGSN", ImeiShape);
            string revision = threeGpp.ReadBareLine("AT+CGMR", RevisionShape);
            if (revision.StartsWith("Revision:"))
            {
                revision = revision.Substring("Revision:".Length).Trim();
            }

            if (!ThreeGppQueries.IsDigits(iccid, 19, 20) || !ThreeGppQueries.IsDigits(imei, 15, 15))
            {
                throw new ModemException("unreadable identity: ICCID " + iccid + ", IMEI " + imei);
            }

            commands.Ok(commands.Command("AT+CNMP=38"));
            commands.Ok(commands.Command(16).Begin("AT+CMNB=").Append(CatMnbSetting.ValueOf(settings.RadioMode)));
            data.Define(settings.Apn);
            commands.Ok(commands.Command("AT+CEREG=1"));
            bool alpnConfirmed = alpn != null && alpn.Configure(settings.AlpnProbeContext, settings.AlpnProbeProtocol);
            lock (sync)
            {
                identity = new ModemIdentity(iccid, imei, revision);
                capabilities = new ModemCapabilities(true, true, alpnConfirmed, settings.MaxSendChunk, settings.SocketCount);
            }

            log.Info("modem up: " + revision + ", ICCID " + iccid + ", ALPN " + (alpnConfirmed ? "confirmed" : "unsupported"));
        }

        private void LogClock()
        {
            // Before the network has set it the clock is the module's default; TLS needs it right, so say what it is.
            try
            {
                log.Info("modem clock (UTC): " + ReadNetworkTimeUtc().ToString());
            }
            catch (ModemException ex)
            {
                log.Warn("modem clock unreadable: " + ex.Message);
            }
        }

        private void Open(int cid, SecureSocketOptions options)
        {
            AtCommand open = commands.Command(ModemCommands.LongCommand).Begin("AT+CAOPEN=").Append(cid).Append(",0,\"TCP\",")
                .AppendQuoted(options.Host).Append(",").Append(options.Port)
                .ExpectResultAfterOk("+CAOPEN: " + cid + ",", 1)
                .WithTimeout(settings.SocketOpenTimeoutMs);
            AtOutcome outcome = commands.Execute(open);
            if (outcome == AtOutcome.Timeout)
            {
                // The module may still finish the open later and hold the id: close it so the id can be reused.
                commands.Execute(commands.Command(ModemCommands.LongCommand).Begin("AT+CACLOSE=").Append(cid));
                throw new SocketOpenException(options.Host, SocketOpenError.Timeout, new AtCommandException(open));
            }

            int result;
            if (outcome != AtOutcome.Ok || !open.Response.TryGetInt(0, 1, out result))
            {
                throw new SocketOpenException(options.Host, SocketOpenError.CommandFailed, new AtCommandException(open));
            }

            if (result != 0)
            {
                throw new SocketOpenException(options.Host, CaOpenResults.ErrorOf(result), result);
            }
        }

        private void CheckOptions(SecureSocketOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            AtText.CheckCommandText(options.Host);
            AtText.CheckCommandText(options.CaFileName);
            if (options.ServerName != null)
            {
                AtText.CheckCommandText(options.ServerName);
            }

            if (options.Port < 1 || options.Port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "port must be 1..65535");
            }

            if (options.Alpn != null)
            {
                AtText.CheckCommandText(options.Alpn);
                if (!Capabilities.SupportsAlpn)
                {
                    throw new NotSupportedException("this modem firmware has no confirmed ALPN setting");
                }
            }
        }

        private bool WaitForBoot()
        {
            long deadline = clock.MonotonicMs + settings.BootTimeoutMs;
            while (true)
            {
                long remaining = deadline - clock.MonotonicMs;
                if (remaining <= 0)
                {
                    return false;
                }

                // RDY / SMS Ready end the wait at once; a module that booted unseen is found by probing.
                if (boot.WaitForNotice((int)Min(remaining, settings.BootProbeIntervalMs)) || commands.Probe(1))
                {
                    return true;
                }
            }
        }

        private void PowerCycle()
        {
            boot.ExpectBoot();
            powerKey.Pulse(settings.PowerKeyPulseMs);
            if (boot.WaitForNoticeOrPowerDown(settings.PowerDownTimeoutMs))
            {
                // It was off, and this press switched it on.
                return;
            }

            // It was on (hung) and is now off, or said nothing: give it time, then switch it on.
            Thread.Sleep(settings.PowerOffSettleMs);
            boot.ExpectBoot();
            powerKey.Pulse(settings.PowerKeyPulseMs);
            if (!WaitForBoot())
            {
                throw new ModemException("modem did not boot after a PWRKEY power cycle");
            }
        }

        private void OnRdy(AtLine line)
        {
            if (line.Is("RDY"))
            {
                OnBootNotice(true);
            }
        }

        private void OnSmsReady(AtLine line)
        {
            if (line.Is("SMS Ready"))
            {
                OnBootNotice(false);
            }
        }

        private void OnBootNotice(bool rdy)
        {
            if (!boot.OnNotice(rdy))
            {
                return;
            }

            log.Warn("modem rebooted unexpectedly");
            sockets.DetachAll("modem rebooted");
            EventHandler handler = Rebooted;
            if (handler != null)
            {
                handler(this, EventArgs.Empty);
            }
        }

        private void OnPowerDown(AtLine line)
        {
            boot.OnPowerDown();
            sockets.DetachAll("modem powered down");
        }

        private static long Min(long a, long b)
        {
            return a < b ? a : b;
        }
    }
}
