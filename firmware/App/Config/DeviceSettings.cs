namespace CellularIot.App.Config
{
    using CellularIot.Cloud.Session;
    using CellularIot.Modem;

    /// <summary>
    /// Everything a user may set, with defaults that fit a 1NCE SIM on the LilyGO T-SIM7080G-S3. On the
    /// device the values come from I:\device.conf (deployed by flash.ps1) through <see cref="DeviceSettingsParser"/>.
    /// </summary>
    public class DeviceSettings
    {
        /// <summary>The board preset's name.</summary>
        public string Board { get; set; } = BoardPreset.LilyGoTSim7080GS3.Name;

        /// <summary>The modem driver; <see cref="ModemChoice.Board"/> takes the board preset's modem.</summary>
        public ModemChoice Modem { get; set; } = ModemChoice.Board;

        /// <summary>The access point name of the SIM's operator.</summary>
        public string Apn { get; set; } = "iot.1nce.net";

        /// <summary>Which LTE flavours the modem may use.</summary>
        public RadioMode Radio { get; set; } = RadioMode.CatM;

        /// <summary>Seconds between telemetry readings.</summary>
        public int PublishIntervalSeconds { get; set; } = 300;

        /// <summary>Readings per telemetry message; more per message saves protocol overhead on the data budget.</summary>
        public int BatchSize { get; set; } = 1;

        /// <summary>MQTT QoS of telemetry: 1 (acknowledged, the default) or 0.</summary>
        public int Qos { get; set; } = 1;

        /// <summary>How messages reach IoT Core.</summary>
        public TransportChoice Transport { get; set; } = TransportChoice.Auto;

        /// <summary>
        /// MQTT's clean-session flag. False (the default) has IoT Core keep the session between connections, so
        /// commands sent while the device is away reach it when it is back (within the session's expiry, an hour
        /// by default at AWS); true starts afresh at every connection.
        /// </summary>
        public bool CleanSession { get; set; }

        /// <summary>HTTPS POST: seconds a connection may sit idle and still carry the next post (1 to 3600).</summary>
        public int PostIdleSeconds { get; set; } = 50;

        /// <summary>The ESP32-to-modem UART speed.</summary>
        public int BaudRate { get; set; } = 115200;

        /// <summary>The 1NCE device API host that hands out the IoT Core login.</summary>
        public string OnboardingHost { get; set; } = "device.connectivity-suite.cloud";

        /// <summary>Telemetry goes to &lt;ICCID&gt;/&lt;this&gt;.</summary>
        public string TelemetryTopic { get; set; } = "telemetry";

        /// <summary>Keeps unsent readings on flash so they survive a reboot (costs a small flash write per reading).</summary>
        public bool PersistBacklog { get; set; }

        /// <summary>The ESP32 pin receiving from the modem; -1 takes the board preset's.</summary>
        public int ModemRxPin { get; set; } = -1;

        /// <summary>The ESP32 pin sending to the modem; -1 takes the board preset's.</summary>
        public int ModemTxPin { get; set; } = -1;

        /// <summary>The ESP32 pin driving PWRKEY; -1 takes the board preset's.</summary>
        public int PowerKeyPin { get; set; } = -1;

        /// <summary>The board preset with any pin overrides applied.</summary>
        public BoardPreset ResolveBoard()
        {
            BoardPreset preset = BoardPreset.Find(Board);
            if (preset == null)
            {
                throw new SettingsException("board '" + Board + "' is not a known preset (lilygo-t-sim7080g-s3, generic-esp32-sim7080g, generic-esp32-bg95)");
            }

            return preset.WithPins(
                ModemRxPin >= 0 ? ModemRxPin : preset.ModemRxPin,
                ModemTxPin >= 0 ? ModemTxPin : preset.ModemTxPin,
                PowerKeyPin >= 0 ? PowerKeyPin : preset.PowerKeyPin);
        }

        /// <summary>The modem to drive: the configured one, or the board preset's.</summary>
        public ModemChoice ResolveModem()
        {
            return Modem == ModemChoice.Board ? ResolveBoard().Modem : Modem;
        }

        /// <summary>Checks the values together; throws <see cref="SettingsException"/> naming the first problem.</summary>
        public void Validate()
        {
            BoardPreset board = ResolveBoard();
            if (board.ModemRxPin == board.ModemTxPin || board.ModemRxPin == board.PowerKeyPin || board.ModemTxPin == board.PowerKeyPin)
            {
                throw new SettingsException("modemRxPin, modemTxPin and powerKeyPin must be three different pins");
            }

            if (Apn.Length == 0 || OnboardingHost.Length == 0 || TelemetryTopic.Length == 0)
            {
                throw new SettingsException("apn, onboardingHost and telemetryTopic must not be empty");
            }
        }
    }
}
