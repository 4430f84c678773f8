namespace CellularIot.Modem.Sim7080
{
    using System;
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// The SIMCom SIM7080G driver, following the AT dialect in notes/sim7080-dialect.md. It registers its URC
    /// handlers on the channel when created and starts the channel on the first <see cref="PowerOn"/>. Its
    /// handlers only set flags and events, as the channel asks; everything that waits runs on the caller's thread.
    /// </summary>
    public sealed class Sim7080Modem : IModem
    {
        private const int PdpUnknown = 0;
        private const int PdpActive = 1;
        private const int PdpInactive = 2;

        private readonly AtChannel channel;
        private readonly IPowerKey powerKey;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly Sim7080Settings settings;
        private readonly ModemCommands commands;
        private readonly ManualResetEvent bootSeen = new ManualResetEvent(false);
        private readonly ManualResetEvent powerDownSeen = new ManualResetEvent(false);
        private readonly BootWatch boot;
        private readonly SocketTable sockets;
        private readonly CaFileStore caFiles;
        private readonly AlpnSetting alpn;
        private readonly object sync = new object();
        private readonly AutoResetEvent registrationChanged = new AutoResetEvent(false);
        private readonly AutoResetEvent pdpChanged = new AutoResetEvent(false);
        private int registrationFromUrc = -1;
        private int pdpState;
        private string definedApn;
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

            CheckSettings(settings);
            this.channel = channel;
            this.powerKey = powerKey;
            this.clock = clock;
            this.log = log;
            this.settings = settings;
            commands = new ModemCommands(channel, settings.CommandTimeoutMs, settings.ProbeTimeoutMs);
            boot = new BootWatch(bootSeen, powerDownSeen);
            sockets = new SocketTable(settings.SocketCount);
            caFiles = new CaFileStore(commands, settings, log);
            alpn = settings.AlpnKeyword == null ? null : new AlpnSetting(commands, settings.AlpnKeyword, log);
            capabilities = new ModemCapabilities(true, true, false, settings.MaxSendChunk, settings.SocketCount);
            channel.Register("RDY", OnRdy);
            channel.Register("SMS Ready", OnSmsReady);
            channel.Register("NORMAL POWER DOWN", OnPowerDown);
            channel.Register("+CEREG: ", OnRegistration);
            channel.Register("+APP PDP: ", OnPdp);
            channel.Register("+CADATAIND: ", OnDataIndication);
            channel.Register("+CASTATE: ", OnSocketState);
            channel.Register("+CASEND: ", OnSendResult);
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
            AtCommand command = commands.Command("AT+CPIN?").Expect("+CPIN: ", 0);
            AtOutcome outcome = commands.Execute(command);
            AtResponse response = command.Response;
            if (outcome == AtOutcome.Ok && response.LineCount > 0)
            {
                string state = response.GetField(0, 0);
                if (state == "READY")
                {
                    return SimState.Ready;
                }

                if (state == "SIM PIN")
                {
                    return SimState.PinRequired;
                }

                return state == "SIM PUK" ? SimState.PukRequired : SimState.Unknown;
            }

            if (outcome == AtOutcome.CmeError)
            {
                // 10 is "SIM not inserted" in the numeric form (AT+CMEE=1).
                bool missing = response.ErrorCode == 10 || response.ErrorText == "SIM not inserted";
                return missing ? SimState.NotInserted : SimState.Failed;
            }

            throw ModemCommands.Failure(command);
        }

        /// <inheritdoc/>
        public RegistrationState ReadRegistration()
        {
            // "+CEREG: <n>,<stat>" (one comma at least); the URC "+CEREG: <stat>" has none and is not the answer.
            AtResponse response = commands.Ok(commands.Command("AT+CEREG?").Expect("+CEREG: ", 1));
            int status;
            if (response.LineCount == 0 || !response.TryGetInt(0, 1, out status))
            {
                return RegistrationState.Unknown;
            }

            return Registration.FromStatus(status);
        }

        /// <inheritdoc/>
        public RegistrationState WaitForRegistration()
        {
            long deadline = clock.MonotonicMs + settings.AttachTimeoutMs;
            while (true)
            {
                RegistrationState state = ReadRegistration();
                if (Registration.IsRegistered(state))
                {
                    log.Info("registered: +CEREG status " + (int)state);
                    return state;
                }

                long remaining = deadline - clock.MonotonicMs;
                if (remaining <= 0)
                {
                    throw new RegistrationException(state, settings.AttachTimeoutMs);
                }

                if (registrationChanged.WaitOne((int)Min(remaining, settings.RegistrationPollMs), false))
                {
                    RegistrationState reported;
                    lock (sync)
                    {
                        reported = Registration.FromStatus(registrationFromUrc);
                    }

                    if (Registration.IsRegistered(reported))
                    {
                        log.Info("registered (URC): +CEREG status " + (int)reported);
                        return reported;
                    }
                }
            }
        }

        /// <inheritdoc/>
        public string ActivateData(string apn)
        {
            AtText.CheckCommandText(apn);
            string address = QueryAddress();
            if (address != null)
            {
                return address;
            }

            if (apn != definedApn)
            {
                DefinePdp(apn);
            }

            commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CNCFG=0,1,").AppendQuoted(apn));
            lock (sync)
            {
                pdpState = PdpUnknown;
            }

            pdpChanged.Reset();
            commands.Ok(commands.Command("AT+CNACT=0,1").WithTimeout(settings.DataTimeoutMs));
            long deadline = clock.MonotonicMs + settings.DataTimeoutMs;
            while (true)
            {
                long remaining = deadline - clock.MonotonicMs;
                if (remaining <= 0)
                {
                    throw new ModemException("data context did not come up within " + settings.DataTimeoutMs + " ms");
                }

                // +APP PDP ends the wait at once; the poll covers a URC that never comes.
                pdpChanged.WaitOne((int)Min(remaining, settings.DataPollMs), false);
                lock (sync)
                {
                    if (pdpState == PdpInactive)
                    {
                        throw new ModemException("data context refused (+APP PDP: 0,DEACTIVE) with APN " + apn);
                    }
                }

                address = QueryAddress();
                if (address != null)
                {
                    log.Info("data context up: " + address);
                    return address;
                }
            }
        }

        /// <inheritdoc/>
        public void DeactivateData()
        {
            lock (sync)
            {
                pdpState = PdpUnknown;
            }

            pdpChanged.Reset();
            AtCommand command = commands.Command("AT+CNACT=0,0").WithTimeout(settings.DataTimeoutMs);
            if (commands.Execute(command) == AtOutcome.Ok)
            {
                pdpChanged.WaitOne(settings.DataTimeoutMs, false);
            }

            // An ERROR usually means the context was already down; the query says for sure.
            if (QueryAddress() != null)
            {
                throw ModemCommands.Failure(command);
            }

            sockets.DetachAll("data context down");
        }

        /// <inheritdoc/>
        public SignalQuality ReadSignalQuality()
        {
            AtResponse response = commands.Ok(commands.Command("AT+CSQ").Expect("+CSQ: ", 1));
            int rssi;
            int ber;
            if (response.LineCount == 0 || !response.TryGetInt(0, 0, out rssi) || !response.TryGetInt(0, 1, out ber))
            {
                throw new ModemException("unreadable AT+CSQ answer");
            }

            return new SignalQuality(rssi, ber);
        }

        /// <inheritdoc/>
        public DateTime ReadNetworkTimeUtc()
        {
            AtResponse response = commands.Ok(commands.Command("AT+CCLK?").Expect("+CCLK: ", 0));
            DateTime utc;
            string text = response.LineCount == 0 ? null : response.GetField(0, 0);
            if (!NetworkTime.TryParseCclk(text, out utc))
            {
                throw new ModemException("unreadable AT+CCLK answer: " + text);
            }

            return utc;
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
                // The SSL context of a connection id is the id itself (AT+CASSLCFG "crindex" defaults to it).
                commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CSSLCFG=\"sslversion\",").Append(cid).Append(",3"));
                commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CSSLCFG=\"sni\",").Append(cid).Append(",").AppendQuoted(serverName));
                // ALPN stays in the SSL context after its socket closes: a socket without its own gets the HTTP/1.1
                // default back, or it would offer the protocol of whichever socket held this id before (mqtt).
                string protocol = options.Alpn == null && Capabilities.SupportsAlpn ? settings.AlpnProbeProtocol : options.Alpn;
                if (protocol != null && !alpn.Configure(cid, protocol))
                {
                    throw new SocketOpenException(options.Host, SocketOpenError.AlpnNotConfirmed, null);
                }

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
            channel.Unregister("+CEREG: ");
            channel.Unregister("+APP PDP: ");
            channel.Unregister("+CADATAIND: ");
            channel.Unregister("+CASTATE: ");
            channel.Unregister("+CASEND: ");
            sockets.DetachAll("driver disposed");
        }

        private static void CheckSettings(Sim7080Settings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (settings.MaxSendChunk < 1 || settings.MaxSendChunk > 1460 || settings.MaxReceiveChunk < 1 || settings.MaxReceiveChunk > 1460)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "send and receive chunks must be 1..1460 bytes");
            }

            if (settings.SocketCount < 1 || settings.SocketCount > 12)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "the SIM7080G has 1..12 sockets");
            }

            AtText.CheckCommandText(settings.Apn);
            if (settings.AlpnKeyword != null)
            {
                AtText.CheckCommandText(settings.AlpnKeyword);
                AtText.CheckCommandText(settings.AlpnProbeProtocol);
            }
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
            SimState sim = ReadSimState();
            if (sim != SimState.Ready)
            {
                throw new ModemException("SIM not ready: " + Describe(sim));
            }

            string iccid = ReadBare("AT+CCID");
            string imei = ReadBare("AT+CGSN");
            string revision = ReadBare("AT+CGMR");
            if (revision.StartsWith("Revision:"))
            {
                revision = revision.Substring("Revision:".Length).Trim();
            }

            if (!IsDigits(iccid, 19, 20) || !IsDigits(imei, 15, 15))
            {
                throw new ModemException("unreadable identity: ICCID " + iccid + ", IMEI " + imei);
            }

            commands.Ok(commands.Command("AT+CNMP=38"));
            commands.Ok(commands.Command(16).Begin("AT+CMNB=").Append(CatMnbSetting.ValueOf(settings.RadioMode)));
            DefinePdp(settings.Apn);
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

        private void DefinePdp(string apn)
        {
            commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CGDCONT=1,\"IP\",").AppendQuoted(apn));
            definedApn = apn;
        }

        private string ReadBare(string text)
        {
            AtResponse response = commands.Ok(commands.Command(text).ExpectBare());
            if (response.LineCount == 0)
            {
                throw new ModemException(text + " gave no answer line");
            }

            return response.GetLine(0).Trim();
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

        private string QueryAddress()
        {
            AtResponse response = commands.Ok(commands.Command("AT+CNACT?").Expect("+CNACT: ", 2));
            for (int i = 0; i < response.LineCount; i++)
            {
                int context;
                int status;
                if (response.TryGetInt(i, 0, out context) && context == 0 && response.TryGetInt(i, 1, out status) && status == 1)
                {
                    string address = response.GetField(i, 2);
                    if (address != null && address.Length > 0 && address != "0.0.0.0")
                    {
                        return address;
                    }
                }
            }

            return null;
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

        private void OnRegistration(AtLine line)
        {
            int status;
            if (line.TryGetInt(0, out status))
            {
                lock (sync)
                {
                    registrationFromUrc = status;
                }

                registrationChanged.Set();
            }
        }

        private void OnPdp(AtLine line)
        {
            int context;
            if (!line.TryGetInt(0, out context) || context != 0)
            {
                return;
            }

            bool active = line.GetField(1) == "ACTIVE";
            lock (sync)
            {
                pdpState = active ? PdpActive : PdpInactive;
            }

            pdpChanged.Set();
            if (!active)
            {
                sockets.DetachAll("data context down");
            }
        }

        private void OnDataIndication(AtLine line)
        {
            Sim7080Socket socket = SocketFor(line);
            if (socket != null)
            {
                socket.OnDataIndicated();
            }
        }

        private void OnSocketState(AtLine line)
        {
            int state;
            Sim7080Socket socket = SocketFor(line);
            if (socket != null && line.TryGetInt(1, out state) && state == 0)
            {
                socket.MarkClosed("closed by the peer or the network (+CASTATE)");
            }
        }

        private void OnSendResult(AtLine line)
        {
            // Some firmware confirms AT+CASEND later with "+CASEND: <cid>,<result>,<len>"; 0 is success.
            int result;
            Sim7080Socket socket = SocketFor(line);
            if (socket != null && line.TryGetInt(1, out result) && result != 0)
            {
                socket.MarkClosed("send failed (+CASEND result " + result + ")");
            }
        }

        private Sim7080Socket SocketFor(AtLine line)
        {
            int cid;
            return line.TryGetInt(0, out cid) ? sockets.Find(cid) : null;
        }

        private static string Describe(SimState sim)
        {
            switch (sim)
            {
                case SimState.NotInserted:
                    return "SIM not inserted";
                case SimState.PinRequired:
                    return "the SIM asks for its PIN";
                case SimState.PukRequired:
                    return "the SIM is blocked (PUK required)";
                case SimState.Failed:
                    return "SIM failure";
                default:
                    return "unknown SIM state";
            }
        }

        private static bool IsDigits(string text, int minLength, int maxLength)
        {
            if (text == null || text.Length < minLength || text.Length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static long Min(long a, long b)
        {
            return a < b ? a : b;
        }
    }
}
