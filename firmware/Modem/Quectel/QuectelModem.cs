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
        private readonly AtChannel channel;
        private readonly PowerSequence power;
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
        private readonly ModemSocketTable sockets;
        private readonly SocketCommandSet socketCommands;
        private readonly QuectelFiles files;
        private readonly QuectelSsl ssl;
        private readonly SimReadyWatch simReady;
        private readonly object sync = new object();
        private readonly ModemFacts facts;

        // Whether the module was running before the latest bring-up (it answered the first probe): its registration
        // and data context may be up already and are asked for, not waited for. False once it booted for the bring-up.
        private bool wasRunning;

        /// <summary>Creates the driver over <paramref name="channel"/> (started on the first <see cref="PowerOn"/>).</summary>
        public QuectelModem(AtChannel channel, IPowerKey powerKey, IClock clock, ILog log, QuectelSettings settings)
        {
            if (channel == null || powerKey == null || clock == null || log == null)
            {
                throw new ArgumentNullException(channel == null ? nameof(channel) : powerKey == null ? nameof(powerKey) : clock == null ? nameof(clock) : nameof(log));
            }

            QuectelSettings.Check(settings);
            this.channel = channel;
            this.clock = clock;
            this.log = log;
            this.settings = settings;
            commands = new ModemCommands(channel, settings.CommandTimeoutMs, settings.ProbeTimeoutMs);
            threeGpp = new ThreeGppQueries(commands);
            registration = new RegistrationWatch(channel, threeGpp, clock, log);
            boot = new BootWatch(bootSeen, powerDownSeen, clock, settings.LateBootWindowMs);
            power = new PowerSequence(boot, powerKey, commands, clock, settings.PowerKeyPulseMs, settings.BootTimeoutMs, settings.BootProbeIntervalMs, settings.PowerDownTimeoutMs, settings.PowerOffSettleMs);
            sockets = new ModemSocketTable(settings.SocketCount);
            socketCommands = new SocketCommandSet("AT+QSSLSEND=", "SEND OK", "SEND FAIL", "AT+QSSLRECV=", "+QSSLRECV: ", AtRawRead.AfterLine, "AT+QSSLCLOSE=")
                .Limits(settings.MaxSendChunk, settings.MaxReceiveChunk, settings.SendTimeoutMs, settings.ReceiveCommandTimeoutMs, settings.CommandTimeoutMs);
            data = new QuectelDataContext(channel, commands, sockets, log, settings);
            files = new QuectelFiles(commands, settings, log);
            ssl = new QuectelSsl(commands, log, settings.SocketCount);
            simReady = new SimReadyWatch(channel);
            facts = new ModemFacts(settings.MaxSendChunk, settings.SocketCount);
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
            get { return facts.Capabilities; }
        }

        /// <inheritdoc/>
        public ModemIdentity Identity
        {
            get { return facts.Identity; }
        }

        // Whether the module was running before the latest bring-up (see wasRunning).
        private bool WasRunning
        {
            get
            {
                lock (sync)
                {
                    return wasRunning;
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
                // One probe: a module that is on answers within milliseconds, and more probes would only delay
                // switching on one that is off. (A module that was on after all, its answer lost to line noise, is
                // switched off by the key, times out below and is brought back by the recovery ladder.) Every boot
                // switches echo on (ATE1 is the default), so a module that answers without echo has run since a
                // bring-up that switched it off and kept that bring-up's settings.
                int echoes = channel.EchoLines;
                bool answering = commands.Probe(1);
                bool kept = answering && channel.EchoLines == echoes;
                if (!answering)
                {
                    log.Info("modem silent: pressing PWRKEY");
                    simReady.Expect();
                    power.SwitchOn();
                }

                BringUp(answering, kept);
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
            // A module that booted for this bring-up registers seconds after AT+CEREG=1, so its URC says when; one that
            // was running may have registered long ago and is asked.
            return registration.WaitForRegistration(settings.AttachTimeoutMs, settings.RegistrationPollMs, WasRunning);
        }

        /// <inheritdoc/>
        public string ActivateData(string apn)
        {
            return data.Activate(apn, WasRunning);
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
            QuectelSocketOpen.Check(options, Capabilities.SupportsAlpn);
            ModemSocket socket = sockets.Allocate(channel, clock, socketCommands);
            int id = socket.Id;
            bool opened = false;
            try
            {
                // Each socket uses the SSL context with its own id (contexts 0..5). ALPN stays in the SSL context after
                // its socket closes: a socket without its own gets the HTTP/1.1 probe protocol back, or it would offer
                // the protocol of whichever socket held this id before (mqtt).
                string protocol = options.Alpn == null && Capabilities.SupportsAlpn ? settings.AlpnProbeProtocol : options.Alpn;
                ssl.Configure(id, QuectelFiles.Storage + options.CaFileName, protocol);

                QuectelSocketOpen.Run(commands, settings, id, options);
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
            ForgetModemState();
            try
            {
                if (commands.Probe(settings.ProbeAttempts))
                {
                    // It answers again and did not boot (RDY would have said so): its registration and context are
                    // asked for, not waited for. (What its SSL contexts hold is written again: it cannot be sure.)
                    commands.Ok(commands.Command("ATE0"));
                    commands.Ok(commands.Command("AT+CMEE=2"));
                    lock (sync)
                    {
                        wasRunning = true;
                    }

                    return RecoveryStep.AtProbe;
                }

                log.Warn("modem silent: software reset (AT+CFUN=1,1)");
                ExpectBoot();
                commands.Execute(commands.Command("AT+CFUN=1,1").WithTimeout(settings.ResetTimeoutMs));
                sockets.DetachAll("modem reset");
                if (power.WaitForBoot())
                {
                    BringUp(false, false);
                    return RecoveryStep.SoftReset;
                }

                log.Warn("modem still silent: PWRKEY power cycle");
                simReady.Expect();
                power.PowerCycle();
                BringUp(false, false);
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
            simReady.Dispose();
            sockets.DetachAll("driver disposed");
        }

        private void BringUp(bool answering, bool kept)
        {
            if (!kept)
            {
                ForgetModemState();
                power.EchoOff(!answering, settings.SyncAttempts);

                // The settings a boot does not keep or that steer the attach share one command line (V.250 and the
                // AT Commands Manual's "AT command syntax": "AT" once, extended commands separated by semicolons), one
                // exchange instead of five: error texts, registration reports (before the attach, so that it is
                // reported, not polled for), LTE only ("nwscanmode" 3) with Cat-M1, NB-IoT or both ("iotopmode"; the
                // trailing 1 applies each at once) and the APN of PDP context 1.
                data.Define(settings.Apn, "AT+CMEE=2;+CEREG=1;+QCFG=\"nwscanmode\",3,1;+QCFG=\"iotopmode\","
                    + QuectelRadio.IotOpModeOf(settings.RadioMode) + ",1;");

                // The SIM reports itself after a boot (+CPIN: READY between RDY and APP RDY): a module that booted for
                // this bring-up is asked only when that report does not come. A module that kept its settings had its
                // SIM ready at the bring-up that set them, and a SIM asks for its PIN only after a restart: the ICCID
                // below shows it is still there.
                if (answering || !simReady.WaitForReady(settings.SimReportTimeoutMs))
                {
                    SimState sim = ReadSimState();
                    if (sim != SimState.Ready)
                    {
                        throw new ModemException("SIM not ready: " + ThreeGppQueries.Describe(sim));
                    }
                }
            }

            // The ICCID every time: it is the MQTT client ID, and the SIM may have changed. The IMEI and the firmware
            // revision are not read: nothing here needs them, and they would cost two commands at every start.
            string iccid = ReadIccid();
            if (!ThreeGppQueries.IsDigits(iccid, 19, 20))
            {
                throw new ModemException("unreadable ICCID: " + iccid);
            }

            // ALPN is written and read back once per start of the driver: the module's firmware does not change while it runs.
            bool alpnConfirmed = facts.AlpnChecked ? facts.Capabilities.SupportsAlpn : settings.ProbeAlpn && ssl.ConfirmAlpn(0, settings.AlpnProbeProtocol);
            lock (sync)
            {
                wasRunning = answering;
            }

            facts.Up(iccid, alpnConfirmed, kept, log);
        }

        // Before whatever boots the module (PWRKEY, reset): the boot notices and the SIM's report of an earlier boot
        // no longer count.
        private void ExpectBoot()
        {
            boot.ExpectBoot();
            simReady.Expect();
        }

        // The module booted, was reset or rebooted: what it held in memory (SSL contexts, registration reports) is
        // gone, and so is what this driver knew of it.
        private void ForgetModemState()
        {
            lock (sync)
            {
                wasRunning = false;
            }

            ssl.Forget();
            files.Forget();
            registration.Forget();
        }

        // AT+QCCID answers "+QCCID: <iccid>"; a 19-digit ICCID may come padded with an F to the SIM's 20 nibbles.
        private string ReadIccid()
        {
            AtResponse response = commands.Ok(commands.Command("AT+QCCID").Expect("+QCCID: ", 0));
            string iccid = response.LineCount == 0 ? string.Empty : response.GetField(0, 0);
            return iccid.Length == 20 && (iccid[19] == 'F' || iccid[19] == 'f') ? iccid.Substring(0, 19) : iccid;
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
            ForgetModemState();
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
                ForgetModemState();
                sockets.DetachAll("modem powered down");
            }
        }
    }
}
