namespace CellularIot.Modem.Quectel
{
    using System;
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
    public sealed class QuectelModem : ModemDriver
    {
        private readonly QuectelSettings settings;
        private readonly QuectelSocketUrcs socketUrcs;
        private readonly SocketCommandSet socketCommands;
        private readonly QuectelFiles files;
        private readonly QuectelSsl ssl;

        /// <summary>Creates the driver over <paramref name="channel"/> (started on the first <see cref="ModemDriver.PowerOn"/>).</summary>
        /// <exception cref="ArgumentNullException">A part is missing.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A setting out of the module's range (<see cref="QuectelSettings.Check"/>).</exception>
        public QuectelModem(AtChannel channel, IPowerKey powerKey, IClock clock, ILog log, QuectelSettings settings)
            : base(channel, powerKey, clock, log, Checked(settings), "APP RDY", "POWERED DOWN")
        {
            this.settings = settings;
            socketCommands = new SocketCommandSet("AT+QSSLSEND=", "SEND OK", "SEND FAIL", "AT+QSSLRECV=", "+QSSLRECV: ", AtRawRead.AfterLine, "AT+QSSLCLOSE=")
                .Limits(settings.MaxSendChunk, settings.MaxReceiveChunk, settings.SendTimeoutMs, settings.ReceiveCommandTimeoutMs, settings.CommandTimeoutMs);
            Data = new QuectelDataContext(channel, Commands, Sockets, log, settings);
            files = new QuectelFiles(Commands, settings, log);
            ssl = new QuectelSsl(Commands, log, settings.SocketCount);
            socketUrcs = new QuectelSocketUrcs(channel, Sockets);
        }

        /// <inheritdoc/>
        public override void PowerOff()
        {
            if (Channel.IsRunning && Commands.Probe(1))
            {
                // AT+QPOWD=1 answers OK at once and POWERED DOWN when the module is about to switch off.
                PowerDownSeen.Reset();
                Commands.Ok(Commands.Command("AT+QPOWD=1"));
                if (!PowerDownSeen.WaitOne(settings.PowerDownTimeoutMs, false))
                {
                    Log.Warn("no POWERED DOWN within " + settings.PowerDownTimeoutMs + " ms of AT+QPOWD=1");
                }
                else
                {
                    Log.Info("modem powered off");
                }
            }

            Sockets.DetachAll("modem off");
        }

        /// <inheritdoc/>
        public override DateTime ReadNetworkTimeUtc()
        {
            // AT+QLTS=2: the local time the module keeps from the network's last time report, with the zone in quarter
            // hours and the daylight-saving flag: "yyyy/MM/dd,hh:mm:ss±zz,d"; "" before the network sent any.
            AtResponse response = Commands.Ok(Commands.Command("AT+QLTS=2").Expect("+QLTS: ", 0));
            string text = response.LineCount == 0 ? null : response.GetField(0, 0);
            DateTime utc;
            if (!QuectelTime.TryParse(text, out utc))
            {
                throw new ModemException("no network time yet: AT+QLTS answered \"" + text + "\"");
            }

            return utc;
        }

        /// <inheritdoc/>
        public override bool EnsureCaCertificate(string fileName, byte[] pem)
        {
            return files.Ensure(fileName, pem);
        }

        /// <inheritdoc/>
        public override ISecureSocket OpenSecureSocket(SecureSocketOptions options)
        {
            QuectelSocketOpen.Check(options, Capabilities.SupportsAlpn);
            ModemSocket socket = Sockets.Allocate(Channel, Clock, socketCommands);
            int id = socket.Id;
            bool opened = false;
            try
            {
                // Each socket uses the SSL context with its own id (contexts 0..5). ALPN stays in the SSL context after
                // its socket closes: a socket without its own gets the HTTP/1.1 probe protocol back, or it would offer
                // the protocol of whichever socket held this id before (mqtt).
                string protocol = options.Alpn == null && Capabilities.SupportsAlpn ? settings.AlpnProbeProtocol : options.Alpn;
                ssl.Configure(id, QuectelFiles.Storage + options.CaFileName, protocol);

                QuectelSocketOpen.Run(Commands, settings, id, options);
                opened = true;
                Log.Info("socket " + id + " open to " + options.Host + ":" + options.Port);
                return socket;
            }
            finally
            {
                if (!opened)
                {
                    socket.Detach("open failed");
                    Sockets.Release(id, socket);
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

                // The settings a boot does not keep or that steer the attach share one command line (V.250 and the
                // AT Commands Manual's "AT command syntax": "AT" once, extended commands separated by semicolons), one
                // exchange instead of five: error texts, registration reports (before the attach, so that it is
                // reported, not polled for), LTE only ("nwscanmode" 3) with Cat-M1, NB-IoT or both ("iotopmode"; the
                // trailing 1 applies each at once) and the APN of PDP context 1.
                Data.Define(settings.Apn, "AT+CMEE=2;+CEREG=1;+QCFG=\"nwscanmode\",3,1;+QCFG=\"iotopmode\","
                    + QuectelRadio.IotOpModeOf(settings.RadioMode) + ",1;");

                // The SIM reports itself after a boot (+CPIN: READY between RDY and APP RDY): a module that booted for
                // this bring-up is asked only when that report does not come. A module that kept its settings had its
                // SIM ready at the bring-up that set them, and a SIM asks for its PIN only after a restart: the ICCID
                // below shows it is still there.
                if (answering || !SimReady.WaitForReady(settings.SimReportTimeoutMs))
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
            bool alpnConfirmed = Facts.AlpnChecked ? Facts.Capabilities.SupportsAlpn : settings.ProbeAlpn && ssl.ConfirmAlpn(0, settings.AlpnProbeProtocol);
            // Any module that was running (it answered the first probe): its registration and context are asked for.
            MayBeUpFromBefore = answering;

            Facts.Up(iccid, alpnConfirmed, kept, Log);
        }

        /// <summary>It answers again and did not boot (RDY would have said so): its registration and context are asked for, not waited for.</summary>
        private protected override void AnsweredWithoutBoot()
        {
            // (What its SSL contexts hold is written again: it cannot be sure.)
            MayBeUpFromBefore = true;
        }

        /// <inheritdoc/>
        private protected override void ForgetHeldSettings()
        {
            ssl.Forget();
            files.Forget();
        }

        /// <inheritdoc/>
        private protected override void DisposeDialect()
        {
            socketUrcs.Dispose();
        }

        private static QuectelSettings Checked(QuectelSettings settings)
        {
            QuectelSettings.Check(settings);
            return settings;
        }

        // AT+QCCID answers "+QCCID: <iccid>"; a 19-digit ICCID may come padded with an F to the SIM's 20 nibbles.
        private string ReadIccid()
        {
            AtResponse response = Commands.Ok(Commands.Command("AT+QCCID").Expect("+QCCID: ", 0));
            string iccid = response.LineCount == 0 ? string.Empty : response.GetField(0, 0);
            return iccid.Length == 20 && (iccid[19] == 'F' || iccid[19] == 'f') ? iccid.Substring(0, 19) : iccid;
        }
    }
}
