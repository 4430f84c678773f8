namespace CellularIot.Modem.ThreeGpp
{
    using System;
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// What the drivers of every module family here share: the 3GPP parts (SIM, registration, signal), the power key and
    /// boot watch, the socket table, the facts the bring-up learns, the frame of power-on (one probe, the key only for a
    /// silent module) and of the recovery ladder (probe, software reset, power cycle), and the boot and power-down
    /// notices that tell a reboot. The family's driver holds its own dialect: the bring-up, identity, data context,
    /// network time, CA file and sockets. URC handlers only set flags and events; everything that waits runs on the
    /// caller's thread.
    /// </summary>
    public abstract class ModemDriver : IModem
    {
        private const string BootNotice = "RDY";

        private readonly ManualResetEvent bootSeen = new ManualResetEvent(false);
        private readonly ModemSettings settings;
        private readonly string lastBootNotice;
        private readonly string powerDownNotice;
        private readonly object sync = new object();

        // See MayBeUpFromBefore.
        private bool mayBeUpFromBefore;

        /// <summary>
        /// Wires the shared parts to <paramref name="channel"/> (started on the first <see cref="PowerOn"/>). A boot
        /// prints RDY first and <paramref name="lastBootNotice"/> last; <paramref name="powerDownNotice"/> says the
        /// module is switching off. <paramref name="settings"/> were checked by the family's driver.
        /// </summary>
        /// <exception cref="ArgumentNullException">A part is missing.</exception>
        private protected ModemDriver(AtChannel channel, IPowerKey powerKey, IClock clock, ILog log, ModemSettings settings, string lastBootNotice, string powerDownNotice)
        {
            if (channel == null || powerKey == null || clock == null || log == null)
            {
                throw new ArgumentNullException(channel == null ? nameof(channel) : powerKey == null ? nameof(powerKey) : clock == null ? nameof(clock) : nameof(log));
            }

            Channel = channel;
            Clock = clock;
            Log = log;
            this.settings = settings;
            this.lastBootNotice = lastBootNotice;
            this.powerDownNotice = powerDownNotice;
            PowerDownSeen = new ManualResetEvent(false);
            Commands = new ModemCommands(channel, settings.CommandTimeoutMs, settings.ProbeTimeoutMs);
            ThreeGpp = new ThreeGppQueries(Commands);
            Registration = new RegistrationWatch(channel, ThreeGpp, clock, log);
            SimReady = new SimReadyWatch(channel);
            Boot = new BootWatch(bootSeen, PowerDownSeen, clock, settings.LateBootWindowMs);
            Power = new PowerSequence(Boot, powerKey, Commands, clock, settings.PowerKeyPulseMs, settings.BootTimeoutMs, settings.BootProbeIntervalMs, settings.PowerDownTimeoutMs, settings.PowerOffSettleMs);
            Sockets = new ModemSocketTable(settings.SocketCount);
            Facts = new ModemFacts(settings.MaxSendChunk, settings.SocketCount);
            channel.Register(BootNotice, OnBootNotice);
            channel.Register(lastBootNotice, OnLastBootNotice);
            channel.Register(powerDownNotice, OnPowerDown);
        }

        /// <inheritdoc/>
        public event EventHandler Rebooted;

        /// <inheritdoc/>
        public ModemCapabilities Capabilities
        {
            get { return Facts.Capabilities; }
        }

        /// <inheritdoc/>
        public ModemIdentity Identity
        {
            get { return Facts.Identity; }
        }

        /// <inheritdoc/>
        public bool RebootDetected
        {
            get { return Boot.RebootDetected; }
        }

        private protected AtChannel Channel { get; private set; }

        private protected IClock Clock { get; private set; }

        private protected ILog Log { get; private set; }

        private protected ModemCommands Commands { get; private set; }

        private protected ThreeGppQueries ThreeGpp { get; private set; }

        private protected RegistrationWatch Registration { get; private set; }

        private protected SimReadyWatch SimReady { get; private set; }

        private protected BootWatch Boot { get; private set; }

        private protected PowerSequence Power { get; private set; }

        private protected ModemSocketTable Sockets { get; private set; }

        private protected ModemFacts Facts { get; private set; }

        /// <summary>Set when the module says it is switching off.</summary>
        private protected ManualResetEvent PowerDownSeen { get; private set; }

        /// <summary>The data context the sockets use; the family's driver makes it in its constructor.</summary>
        private protected DataContext Data { get; set; }

        /// <summary>
        /// Whether the module was not booted for the latest bring-up, so that what it had up before (registration, the
        /// data context, settings) may still be up and is asked for, not waited for or written again. The family's
        /// bring-up and recovery set it; false once the module booted, was reset or rebooted.
        /// </summary>
        private protected bool MayBeUpFromBefore
        {
            get
            {
                lock (sync)
                {
                    return mayBeUpFromBefore;
                }
            }

            set
            {
                lock (sync)
                {
                    mayBeUpFromBefore = value;
                }
            }
        }

        /// <inheritdoc/>
        public void PowerOn()
        {
            Channel.Start();
            Boot.Begin();
            try
            {
                // One probe: a module that is on answers within milliseconds, and more probes would only delay
                // switching on one that is off. (A module that was on after all, its answer lost to line noise, is
                // switched off by the key, times out below and is brought back by the recovery ladder.) Every boot
                // switches echo on (ATE1 is the default), so a module that answers without echo has run since a
                // bring-up that switched it off and kept that bring-up's settings.
                int echoes = Channel.EchoLines;
                bool answering = Commands.Probe(1);
                bool kept = answering && Channel.EchoLines == echoes;
                if (!answering)
                {
                    Log.Info("modem silent: pressing PWRKEY");
                    SimReady.Expect();
                    Power.SwitchOn();
                }

                BringUp(answering, kept);
            }
            finally
            {
                Boot.End();
            }
        }

        /// <inheritdoc/>
        public abstract void PowerOff();

        /// <inheritdoc/>
        public SimState ReadSimState()
        {
            return ThreeGpp.ReadSimState();
        }

        /// <inheritdoc/>
        public RegistrationState ReadRegistration()
        {
            return ThreeGpp.ReadRegistration();
        }

        /// <inheritdoc/>
        public RegistrationState WaitForRegistration()
        {
            // A module that booted for this bring-up registers seconds after AT+CEREG=1, so its URC says when; one that
            // was up before may have registered long ago and is asked.
            return Registration.WaitForRegistration(settings.AttachTimeoutMs, settings.RegistrationPollMs, MayBeUpFromBefore);
        }

        /// <inheritdoc/>
        public string ActivateData(string apn)
        {
            // A module that booted for this bring-up has no active context: asking first would only cost a command.
            return Data.Activate(apn, MayBeUpFromBefore);
        }

        /// <inheritdoc/>
        public void DeactivateData()
        {
            Data.Deactivate();
        }

        /// <inheritdoc/>
        public SignalQuality ReadSignalQuality()
        {
            return ThreeGpp.ReadSignalQuality();
        }

        /// <inheritdoc/>
        public abstract DateTime ReadNetworkTimeUtc();

        /// <inheritdoc/>
        public abstract bool EnsureCaCertificate(string fileName, byte[] pem);

        /// <inheritdoc/>
        public abstract ISecureSocket OpenSecureSocket(SecureSocketOptions options);

        /// <inheritdoc/>
        public RecoveryStep Recover()
        {
            Channel.Start();
            Boot.Begin();
            ForgetModemState();
            try
            {
                if (Commands.Probe(settings.ProbeAttempts))
                {
                    Commands.Ok(Commands.Command("ATE0"));
                    Commands.Ok(Commands.Command("AT+CMEE=2"));
                    AnsweredWithoutBoot();
                    return RecoveryStep.AtProbe;
                }

                Log.Warn("modem silent: software reset (AT+CFUN=1,1)");
                Boot.ExpectBoot();
                SimReady.Expect();
                Commands.Execute(Commands.Command("AT+CFUN=1,1").WithTimeout(settings.ResetTimeoutMs));
                Sockets.DetachAll("modem reset");
                if (Power.WaitForBoot())
                {
                    BringUp(false, false);
                    return RecoveryStep.SoftReset;
                }

                Log.Warn("modem still silent: PWRKEY power cycle");
                SimReady.Expect();
                Power.PowerCycle();
                BringUp(false, false);
                return RecoveryStep.PowerCycle;
            }
            finally
            {
                Boot.End();
            }
        }

        /// <summary>
        /// Takes the driver off the channel: its URC handlers are removed and its sockets detached. The modem
        /// itself is left as it is, and the channel keeps running (it belongs to the caller).
        /// </summary>
        public void Dispose()
        {
            Channel.Unregister(BootNotice);
            Channel.Unregister(lastBootNotice);
            Channel.Unregister(powerDownNotice);
            Registration.Dispose();
            SimReady.Dispose();
            Data.Dispose();
            DisposeDialect();
            Sockets.DetachAll("driver disposed");
            GC.SuppressFinalize(this);
        }

        /// <summary>
        /// Brings the module up after the power-on probe: <paramref name="answering"/> when it answered it (it was
        /// on), <paramref name="kept"/> when it also kept an earlier bring-up's settings (it answered without echo).
        /// </summary>
        private protected abstract void BringUp(bool answering, bool kept);

        /// <summary>
        /// The recovery found the module answering again without a boot: its registration and data context may be up.
        /// A driver that then asks for them rather than waits overrides this; by default it knows nothing more.
        /// </summary>
        private protected virtual void AnsweredWithoutBoot()
        {
        }

        /// <summary>Forgets what the family's driver knew of settings the module held in memory.</summary>
        private protected abstract void ForgetHeldSettings();

        /// <summary>Takes the family's own URC handlers off the channel.</summary>
        private protected abstract void DisposeDialect();

        /// <summary>
        /// The module booted, was reset or rebooted: the settings it held in memory (SSL contexts, registration
        /// reports) are gone, and so is what this driver knew of them.
        /// </summary>
        private protected void ForgetModemState()
        {
            MayBeUpFromBefore = false;
            Registration.Forget();
            ForgetHeldSettings();
        }

        private void OnBootNotice(AtLine line)
        {
            if (line.Is(BootNotice))
            {
                OnBoot(true);
            }
        }

        private void OnLastBootNotice(AtLine line)
        {
            if (line.Is(lastBootNotice))
            {
                OnBoot(false);
            }
        }

        private void OnBoot(bool first)
        {
            if (!Boot.OnNotice(first))
            {
                return;
            }

            Log.Warn("modem rebooted unexpectedly");
            ForgetModemState();
            Sockets.DetachAll("modem rebooted");
            EventHandler handler = Rebooted;
            if (handler != null)
            {
                handler(this, EventArgs.Empty);
            }
        }

        private void OnPowerDown(AtLine line)
        {
            if (line.Is(powerDownNotice))
            {
                Boot.OnPowerDown();
                ForgetModemState();
                Sockets.DetachAll("modem powered down");
            }
        }
    }
}
