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

        private readonly AtChannel channel;
        private readonly PowerSequence power;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly Sim7080Settings settings;
        private readonly ModemCommands commands;
        private readonly ThreeGppQueries threeGpp;
        private readonly RegistrationWatch registration;
        private readonly SimReadyWatch simReady;
        private readonly SimReadiness sim;
        private readonly Sim7080DataContext data;
        private readonly Sim7080SocketUrcs socketUrcs;
        private readonly ManualResetEvent bootSeen = new ManualResetEvent(false);
        private readonly ManualResetEvent powerDownSeen = new ManualResetEvent(false);
        private readonly BootWatch boot;
        private readonly ModemSocketTable sockets;
        private readonly SocketCommandSet socketCommands;
        private readonly CaFileStore caFiles;
        private readonly AlpnSetting alpn;
        private readonly SocketTlsSetup tls;
        private readonly object sync = new object();
        private readonly ModemFacts facts;

        // Whether the module has kept the settings of an earlier bring-up (it answered without echo, which every boot
        // switches on); false once it booted, was reset or rebooted.
        private bool keptSettings;

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
            this.clock = clock;
            this.log = log;
            this.settings = settings;
            commands = new ModemCommands(channel, settings.CommandTimeoutMs, settings.ProbeTimeoutMs);
            threeGpp = new ThreeGppQueries(commands);
            registration = new RegistrationWatch(channel, threeGpp, clock, log);
            simReady = new SimReadyWatch(channel);
            sim = new SimReadiness(threeGpp, simReady, clock, log, settings.SimReadyTimeoutMs, settings.SimPollMs);
            boot = new BootWatch(bootSeen, powerDownSeen, clock, settings.LateBootWindowMs);
            power = new PowerSequence(boot, powerKey, commands, clock, settings.PowerKeyPulseMs, settings.BootTimeoutMs, settings.BootProbeIntervalMs, settings.PowerDownTimeoutMs, settings.PowerOffSettleMs);
            sockets = new ModemSocketTable(settings.SocketCount);
            socketCommands = new SocketCommandSet("AT+CASEND=", null, null, "AT+CARECV=", "+CARECV: ", AtRawRead.Inline, "AT+CACLOSE=")
                .Limits(settings.MaxSendChunk, settings.MaxReceiveChunk, settings.SendTimeoutMs, settings.ReceiveCommandTimeoutMs, settings.CommandTimeoutMs)
                .Variants(true, settings.SendFinalQuietMs);
            data = new Sim7080DataContext(channel, commands, sockets, clock, log, settings);
            caFiles = new CaFileStore(commands, settings, log);
            alpn = settings.AlpnKeyword == null ? null : new AlpnSetting(commands, settings.AlpnKeyword, log);
            tls = new SocketTlsSetup(commands, alpn, settings.SocketCount);
            facts = new ModemFacts(settings.MaxSendChunk, settings.SocketCount);
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
            get { return facts.Capabilities; }
        }

        /// <inheritdoc/>
        public ModemIdentity Identity
        {
            get { return facts.Identity; }
        }

        // Whether the module has kept the settings of an earlier bring-up (see keptSettings).
        private bool KeptSettings
        {
            get
            {
                lock (sync)
                {
                    return keptSettings;
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
                // switched off by the key, times out below and is brought back by the recovery ladder.)
                int echoes = channel.EchoLines;
                bool answering = commands.Probe(1);
                bool kept = answering && channel.EchoLines == echoes;
                if (!answering)
                {
                    log.Info("modem silent: pressing PWRKEY");
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
            // A module that booted for this bring-up registers seconds after AT+CEREG=1, so its URC says when; one
            // that kept its settings may have registered long ago and is asked.
            return registration.WaitForRegistration(settings.AttachTimeoutMs, settings.RegistrationPollMs, KeptSettings);
        }

        /// <inheritdoc/>
        public string ActivateData(string apn)
        {
            // A module that booted for this bring-up has no active context: asking first would only cost a command.
            return data.Activate(apn, KeptSettings);
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
            return caFiles.Ensure(fileName, pem, KeptSettings);
        }

        /// <inheritdoc/>
        public ISecureSocket OpenSecureSocket(SecureSocketOptions options)
        {
            SocketOptionsCheck.Check(options, Capabilities.SupportsAlpn);
            string serverName = options.ServerName == null ? options.Host : options.ServerName;
            ModemSocket socket = sockets.Allocate(channel, clock, socketCommands);
            int cid = socket.Id;
            bool opened = false;
            try
            {
                // ALPN stays in the SSL context after its socket closes: a socket without its own gets the HTTP/1.1
                // default back, or it would offer the protocol of whichever socket held this id before (mqtt).
                string protocol = options.Alpn == null && Capabilities.SupportsAlpn ? settings.AlpnProbeProtocol : options.Alpn;
                if (!tls.Apply(cid, serverName, options.CaFileName, protocol))
                {
                    throw new SocketOpenException(options.Host, SocketOpenError.AlpnNotConfirmed, null);
                }

                SocketOpen.Run(commands, settings, cid, options);
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
            ForgetModemState();
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
                if (power.WaitForBoot())
                {
                    BringUp(false, false);
                    return RecoveryStep.SoftReset;
                }

                log.Warn("modem still silent: PWRKEY power cycle");
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
            channel.Unregister("SMS Ready");
            channel.Unregister("NORMAL POWER DOWN");
            registration.Dispose();
            simReady.Dispose();
            data.Dispose();
            socketUrcs.Dispose();
            sockets.DetachAll("driver disposed");
        }

        private void BringUp(bool answering, bool kept)
        {
            if (!kept)
            {
                ForgetModemState();
                power.EchoOff(!answering, settings.SyncAttempts);

                // Reports first, so that the registration that follows a boot is reported by URC, not polled for;
                // the three share one command line (V.250: "AT" once, commands separated by semicolons), one
                // exchange instead of three. Error texts, network time, registration reports.
                commands.Ok(commands.Command("AT+CMEE=2;+CLTS=1;+CEREG=1"));

                // A module that kept its settings had its SIM ready at the bring-up that set them up, and a SIM asks
                // for its PIN only after a restart: the ICCID below shows it is still there.
                // A SIM still busy in the first seconds after a boot is waited for, a real SIM error reported at once.
                SimState simState = sim.WaitUntilReady();
                if (simState != SimState.Ready)
                {
                    throw new ModemException("SIM not ready: " + ThreeGppQueries.Describe(simState));
                }
            }

            // The ICCID every time: it is the MQTT client ID, and the SIM may have changed. The IMEI and the firmware
            // revision are not read: nothing here needs them, and they would cost two commands at every start.
            string iccid = sim.ReadBareLine("AT+CCID", IccidShape);
            if (!ThreeGppQueries.IsDigits(iccid, 19, 20))
            {
                throw new ModemException("unreadable ICCID: " + iccid);
            }

            if (!kept)
            {
                // Radio and PDP definition before the attach they steer, on one command line; a module that kept its
                // settings is attached.
                data.Define(settings.Apn, "AT+CNMP=38;+CMNB=" + CatMnbSetting.ValueOf(settings.RadioMode) + ";");
            }

            // ALPN is written and read back once per start of the driver: the module's firmware does not change while it runs.
            bool alpnConfirmed = facts.AlpnChecked ? facts.Capabilities.SupportsAlpn : alpn != null && tls.ConfirmAlpn(settings.AlpnProbeContext, settings.AlpnProbeProtocol);
            lock (sync)
            {
                keptSettings = kept;
            }

            facts.Up(iccid, alpnConfirmed, kept, log);
        }

        // The module booted, was reset or rebooted: the settings it held in memory (SSL contexts, registration
        // reports) are gone, and so is what this driver knew of them.
        private void ForgetModemState()
        {
            lock (sync)
            {
                keptSettings = false;
            }

            tls.Forget();
            caFiles.Forget();
            registration.Forget();
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
            boot.OnPowerDown();
            ForgetModemState();
            sockets.DetachAll("modem powered down");
        }
    }
}
