namespace CellularIot.Modem.Quectel
{
    using System;
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Modem.ThreeGpp;
    using CellularIot.Support;

    /// <summary>
    /// The Quectel BG95/BG96 driver (BG95 and BG96 AT Commands Manuals; TCP/IP, SSL and FILE application notes). The
    /// standard 3GPP parts (SIM, registration, signal) come from <see cref="ThreeGppQueries"/>; this class holds the
    /// vendor's: boot notices (<c>RDY</c>, then <c>APP RDY</c>; <c>POWERED DOWN</c>), identity (AT+QCCID), radio
    /// (AT+QCFG), data context (<see cref="QuectelDataContext"/>), network time (AT+QLTS), CA file
    /// (<see cref="QuectelFiles"/>), TLS settings (<see cref="QuectelSsl"/>) and SSL sockets (AT+QSSLOPEN). Its URC
    /// handlers only set flags and events; everything that waits runs on the caller's thread.
    /// </summary>
    public sealed class QuectelModem : IModem
    {
        // The bare answers, by shape: anything else between a command and its answer (a late boot line) is not it.
        private static readonly AtBareShape ImeiShape = AtBareShape.Digits(14, 17);
        private static readonly AtBareShape RevisionShape = AtBareShape.Token("Revision:", 4, 64);

        private readonly AtChannel channel;
        private readonly IPowerKey powerKey;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly QuectelSettings settings;
        private readonly ModemCommands commands;
        private readonly ThreeGppQueries threeGpp;
        private readonly RegistrationWatch registration;
        private readonly QuectelDataContext data;
        private readonly QuectelSocketUrcs socketUrcs;
        private readonly ManualResetEvent bootSeen = new ManualResetEvent(false);
        private readonly ManualResetEvent powerDownSeen = new ManualResetEvent(false);
        private readonly BootWatch boot;
        private readonly QuectelSocketTable sockets;
        private readonly QuectelFiles files;
        private readonly QuectelSsl ssl;
        private readonly object sync = new object();
        private ModemIdentity identity;
        private ModemCapabilities capabilities;

        /// <summary>Creates the driver over <paramref name="channel"/> (started on the first <see cref="PowerOn"/>).</summary>
        public QuectelModem(AtChannel channel, IPowerKey powerKey, IClock clock, ILog log, QuectelSettings settings)
        {
            if (channel == null || powerKey == null || clock == null || log == null)
            {
                throw new ArgumentNullException(channel == null ? nameof(channel) : powerKey == null ? nameof(powerKey) : clock == null ? nameof(clock) : nameof(log));
            }

            QuectelSettings.Check(settings);
            this.channel = channel;
            this.powerKey = powerKey;
            this.clock = clock;
            this.log = log;
            this.settings = settings;
            commands = new ModemCommands(channel, settings.CommandTimeoutMs, settings.ProbeTimeoutMs);
            threeGpp = new ThreeGppQueries(commands);
            registration = new RegistrationWatch(channel, threeGpp, clock, log);
            boot = new BootWatch(bootSeen, powerDownSeen, clock, settings.LateBootWindowMs);
            sockets = new QuectelSocketTable(settings.SocketCount);
            data = new QuectelDataContext(channel, commands, sockets, log, settings);
            files = new QuectelFiles(commands, settings, log);
            ssl = new QuectelSsl(commands, log, settings.SocketCount);
            capabilities = new ModemCapabilities(true, true, false, settings.MaxSendChunk, settings.SocketCount);
            channel.Register("RDY", OnRdy);
            channel.Register("APP RDY", OnAppReady);
            channel.Register("POWERED DOWN", OnPowerDown);
            socketUrcs = new QuectelSocketUrcs(channel, sockets);
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
                // AT+QPOWD=1 answers OK at once and POWERED DOWN when the module is about to switch off.
                powerDownSeen.Reset();
                commands.Ok(commands.Command("AT+QPOWD=1"));
                if (!powerDownSeen.WaitOne(settings.PowerDownTimeoutMs, false))
                {
                    log.Warn("no POWERED DOWN within " + settings.PowerDownTimeoutMs + " ms of AT+QPOWD=1");
                }
                else
                {
                    log.Info("modem powered off");
                }
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
            // Asked at once: this driver turns the registration reports on after the module may have registered.
            return registration.WaitForRegistration(settings.AttachTimeoutMs, settings.RegistrationPollMs, true);
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
            // AT+QLTS=2: the local time the module keeps from the network's last time report, with the zone in quarter
            // hours and the daylight-saving flag: "yyyy/MM/dd,hh:mm:ss±zz,d"; "" before the network sent any.
            AtResponse response = commands.Ok(commands.Command("AT+QLTS=2").Expect("+QLTS: ", 0));
            string text = response.LineCount == 0 ? null : response.GetField(0, 0);
            DateTime utc;
            if (!QuectelTime.TryParse(text, out utc))
            {
                throw new ModemException("no network time yet: AT+QLTS answered \"" + text + "\"");
            }

            return utc;
        }

        /// <inheritdoc/>
        public bool EnsureCaCertificate(string fileName, byte[] pem)
        {
            return files.Ensure(fileName, pem);
        }

        /// <inheritdoc/>
        public ISecureSocket OpenSecureSocket(SecureSocketOptions options)
        {
            CheckOptions(options);
            QuectelSocket socket = sockets.Allocate(channel, clock, settings);
            int id = socket.Id;
            bool opened = false;
            try
            {
                // Each socket uses the SSL context with its own id (contexts 0..5).
                ssl.Configure(id, QuectelFiles.Storage + options.CaFileName);

                // ALPN stays in the SSL context after its socket closes: a socket without its own gets the HTTP/1.1
                // probe protocol back, or it would offer the protocol of whichever socket held this id before (mqtt).
                string protocol = options.Alpn == null && Capabilities.SupportsAlpn ? settings.AlpnProbeProtocol : options.Alpn;
                if (protocol != null && !ssl.ConfigureAlpn(id, protocol))
                {
                    throw new SocketOpenException(options.Host, SocketOpenError.AlpnNotConfirmed, null);
                }

                Open(id, options);
                opened = true;
                log.Info("socket " + id + " open to " + options.Host + ":" + options.Port);
                return socket;
            }
            finally
            {
                if (!opened)
                {
                    socket.Detach("open failed");
                    sockets.Release(id, socket);
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
            channel.Unregister("APP RDY");
            channel.Unregister("POWERED DOWN");
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

            // Whatever the module held in its SSL contexts went with the boot (or is unknown to a new driver).
            ssl.Forget();
            commands.Ok(commands.Command("ATE0"));
            commands.Ok(commands.Command("AT+CMEE=2"));
            SimState sim = ReadSimState();
            if (sim != SimState.Ready)
            {
                throw new ModemException("SIM not ready: " + ThreeGppQueries.Describe(sim));
            }

            string iccid = ReadIccid();
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

            // LTE only ("nwscanmode" 3), with Cat-M1, NB-IoT or both ("iotopmode"); the trailing 1 applies it at once.
            commands.Ok(commands.Command("AT+QCFG=\"nwscanmode\",3,1"));
            commands.Ok(commands.Command(32).Begin("AT+QCFG=\"iotopmode\",").Append(QuectelRadio.IotOpModeOf(settings.RadioMode)).Append(",1"));
            data.Define(settings.Apn);
            commands.Ok(commands.Command("AT+CEREG=1"));
            bool alpnConfirmed = settings.ProbeAlpn && ssl.ConfigureAlpn(0, settings.AlpnProbeProtocol);
            lock (sync)
            {
                identity = new ModemIdentity(iccid, imei, revision);
                capabilities = new ModemCapabilities(true, true, alpnConfirmed, settings.MaxSendChunk, settings.SocketCount);
            }

            log.Info("modem up: " + revision + ", ICCID " + iccid + ", ALPN " + (alpnConfirmed ? "confirmed" : "unsupported"));
        }

        // AT+QCCID answers "+QCCID: <iccid>"; a 19-digit ICCID may come padded with an F to the SIM's 20 nibbles.
        private string ReadIccid()
        {
            AtResponse response = commands.Ok(commands.Command("AT+QCCID").Expect("+QCCID: ", 0));
            string iccid = response.LineCount == 0 ? string.Empty : response.GetField(0, 0);
            return iccid.Length == 20 && (iccid[19] == 'F' || iccid[19] == 'f') ? iccid.Substring(0, 19) : iccid;
        }

        private void Open(int id, SecureSocketOptions options)
        {
            // AT+QSSLOPEN=<pdp ctx>,<ssl ctx>,<client id>,"<host>",<port>,0 (buffer access mode): OK, then the result
            // "+QSSLOPEN: <client id>,<err>" once DNS, TCP and the handshake are done.
            AtCommand open = commands.Command(ModemCommands.LongCommand).Begin("AT+QSSLOPEN=").Append(QuectelDataContext.Context).Append(",")
                .Append(id).Append(",").Append(id).Append(",").AppendQuoted(options.Host).Append(",").Append(options.Port).Append(",0")
                .ExpectResultAfterOk("+QSSLOPEN: " + id + ",", 1)
                .WithTimeout(settings.SocketOpenTimeoutMs);
            AtOutcome outcome = commands.Execute(open);
            int result;
            if (outcome == AtOutcome.Ok && open.Response.TryGetInt(0, 1, out result) && result == 0)
            {
                return;
            }

            // The id stays taken on the module after a failed or late open until AT+QSSLCLOSE frees it.
            commands.Execute(commands.Command(ModemCommands.LongCommand).Begin("AT+QSSLCLOSE=").Append(id));
            if (outcome == AtOutcome.Timeout)
            {
                throw new SocketOpenException(options.Host, SocketOpenError.Timeout, new AtCommandException(open));
            }

            if (outcome != AtOutcome.Ok || !open.Response.TryGetInt(0, 1, out result))
            {
                throw new SocketOpenException(options.Host, SocketOpenError.CommandFailed, new AtCommandException(open));
            }

            throw new SocketOpenException(options.Host, QuectelOpenResults.ErrorOf(result), result);
        }

        private void CheckOptions(SecureSocketOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            AtText.CheckCommandText(options.Host);
            AtText.CheckCommandText(options.CaFileName);
            if (options.ServerName != null && options.ServerName != options.Host)
            {
                // With "sni" on, the module sends the host name of AT+QSSLOPEN; it has no setting for another name.
                throw new NotSupportedException("this modem sends the host name as SNI and cannot send " + options.ServerName);
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

                // RDY / APP RDY end the wait at once; a module that booted unseen is found by probing.
                if (boot.WaitForNotice((int)(remaining < settings.BootProbeIntervalMs ? remaining : settings.BootProbeIntervalMs)) || commands.Probe(1))
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

        // APP RDY ends a Quectel boot as SMS Ready ends a SIMCom one: it is the boot watch's trailing notice.
        private void OnAppReady(AtLine line)
        {
            if (line.Is("APP RDY"))
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
            if (line.Is("POWERED DOWN"))
            {
                boot.OnPowerDown();
                sockets.DetachAll("modem powered down");
            }
        }
    }
}
