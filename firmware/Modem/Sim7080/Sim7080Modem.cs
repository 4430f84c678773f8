namespace CellularIot.Modem.Sim7080
{
    using System;
    using CellularIot.At;
    using CellularIot.Modem.ThreeGpp;
    using CellularIot.Support;

    /// <summary>
    /// The SIMCom SIM7080G driver, following the AT dialect in notes/sim7080-dialect.md. It registers its URC
    /// handlers on the channel when created and starts the channel on the first <see cref="ModemDriver.PowerOn"/>. Its
    /// handlers only set flags and events, as the channel asks; everything that waits runs on the caller's thread.
    /// </summary>
    public sealed class Sim7080Modem : ModemDriver
    {
        // The bare answers, by shape: anything else between a command and its answer (DST: 1, *PSUTTZ, SMS Ready) is not it.
        private static readonly AtBareShape IccidShape = AtBareShape.Digits(18, 22);

        private readonly Sim7080Settings settings;
        private readonly SimReadiness sim;
        private readonly Sim7080SocketUrcs socketUrcs;
        private readonly SocketCommandSet socketCommands;
        private readonly CaFileStore caFiles;
        private readonly AlpnSetting alpn;
        private readonly SocketTlsSetup tls;

        /// <summary>Creates the driver over <paramref name="channel"/> (started on the first <see cref="ModemDriver.PowerOn"/>).</summary>
        /// <exception cref="ArgumentNullException">A part is missing.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A setting out of the module's range (<see cref="Sim7080Settings.Check"/>).</exception>
        public Sim7080Modem(AtChannel channel, IPowerKey powerKey, IClock clock, ILog log, Sim7080Settings settings)
            : base(channel, powerKey, clock, log, Checked(settings), "SMS Ready", "NORMAL POWER DOWN")
        {
            this.settings = settings;
            sim = new SimReadiness(ThreeGpp, SimReady, clock, log, settings.SimReadyTimeoutMs, settings.SimPollMs);
            socketCommands = new SocketCommandSet("AT+CASEND=", null, null, "AT+CARECV=", "+CARECV: ", AtRawRead.Inline, "AT+CACLOSE=")
                .Limits(settings.MaxSendChunk, settings.MaxReceiveChunk, settings.SendTimeoutMs, settings.ReceiveCommandTimeoutMs, settings.CommandTimeoutMs)
                .Variants(true, settings.SendFinalQuietMs);
            Data = new Sim7080DataContext(channel, Commands, Sockets, clock, log, settings);
            caFiles = new CaFileStore(Commands, settings, log);
            alpn = settings.AlpnKeyword == null ? null : new AlpnSetting(Commands, settings.AlpnKeyword, log);
            tls = new SocketTlsSetup(Commands, alpn, settings.SocketCount);
            socketUrcs = new Sim7080SocketUrcs(channel, Sockets);
        }

        /// <inheritdoc/>
        public override void PowerOff()
        {
            if (Channel.IsRunning && Commands.Probe(1))
            {
                Commands.Ok(Commands.Command("AT+CPOWD=1").ExpectSuccessLine("NORMAL POWER DOWN").WithTimeout(settings.PowerDownTimeoutMs));
                Log.Info("modem powered off");
            }

            Sockets.DetachAll("modem off");
        }

        /// <inheritdoc/>
        public override DateTime ReadNetworkTimeUtc()
        {
            return ThreeGpp.ReadNetworkTimeUtc();
        }

        /// <inheritdoc/>
        public override bool EnsureCaCertificate(string fileName, byte[] pem)
        {
            // Only a module that kept its settings counts as up from before (see BringUp).
            return caFiles.Ensure(fileName, pem, MayBeUpFromBefore);
        }

        /// <inheritdoc/>
        public override ISecureSocket OpenSecureSocket(SecureSocketOptions options)
        {
            SocketOptionsCheck.Check(options, Capabilities.SupportsAlpn);
            string serverName = options.ServerName == null ? options.Host : options.ServerName;
            ModemSocket socket = Sockets.Allocate(Channel, Clock, socketCommands);
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

                SocketOpen.Run(Commands, settings, cid, options);
                opened = true;
                Log.Info("socket " + cid + " open to " + options.Host + ":" + options.Port);
                return socket;
            }
            finally
            {
                if (!opened)
                {
                    socket.Detach("open failed");
                    Sockets.Release(cid, socket);
                }
            }
        }

        /// <inheritdoc/>
        private protected override void BringUp(bool answering, bool kept)
        {
            if (!kept)
            {
                ForgetModemState();
                Power.EchoOff(!answering, settings.SyncAttempts);

                // Reports first, so that the registration that follows a boot is reported by URC, not polled for;
                // the three share one command line (V.250: "AT" once, commands separated by semicolons), one
                // exchange instead of three. Error texts, network time, registration reports.
                Commands.Ok(Commands.Command("AT+CMEE=2;+CLTS=1;+CEREG=1"));

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
                Data.Define(settings.Apn, "AT+CNMP=38;+CMNB=" + CatMnbSetting.ValueOf(settings.RadioMode) + ";");
            }

            // ALPN is written and read back once per start of the driver: the module's firmware does not change while it runs.
            bool alpnConfirmed = Facts.AlpnChecked ? Facts.Capabilities.SupportsAlpn : alpn != null && tls.ConfirmAlpn(settings.AlpnProbeContext, settings.AlpnProbeProtocol);
            // Only one that kept its settings: the settings, the CA file and the context are then taken as they are.
            MayBeUpFromBefore = kept;

            Facts.Up(iccid, alpnConfirmed, kept, Log);
        }

        /// <inheritdoc/>
        private protected override void ForgetHeldSettings()
        {
            tls.Forget();
            caFiles.Forget();
        }

        /// <inheritdoc/>
        private protected override void DisposeDialect()
        {
            socketUrcs.Dispose();
        }

        private static Sim7080Settings Checked(Sim7080Settings settings)
        {
            Sim7080Settings.Check(settings);
            return settings;
        }
    }
}
