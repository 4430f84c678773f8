namespace CellularIot.Modem.Quectel
{
    using System;
    using CellularIot.At;

    /// <summary>
    /// The Quectel BG95/BG96 driver's settings: those every driver has (<see cref="ModemSettings"/>: sends are
    /// AT+QSSLSEND, receives AT+QSSLRECV, the data context AT+QIACT, files AT+QFUPL) and the module's own. The defaults
    /// are for a real module on a 1NCE SIM (times from the BG95/BG96 AT manuals' "Maximum Response Time" rows); tests
    /// shorten them. The module has 12 client ids but SSL contexts 0..5 only, so at most 6 sockets.
    /// </summary>
    public sealed class QuectelSettings : ModemSettings
    {
        /// <summary>The largest AT+QSSLRECV request (the SSL manual's maximum).</summary>
        public const int MaxReceiveRequest = 1500;

        /// <summary>
        /// The defaults, with the BG95/BG96's own: PWRKEY held 800 ms (the BG95 hardware design asks for 500..1000 ms
        /// to switch on and at least 650 ms to switch off, the BG96's for at least 500 ms and 650 ms), AT+QIACT given
        /// the TCP/IP manual's 150 s (AT+QIDEACT 40 s), AT+CFUN=1,1 15 s, and reads of 1460 bytes (one TCP segment).
        /// </summary>
        public QuectelSettings()
        {
            PowerKeyPulseMs = 800;
            DataTimeoutMs = 150000;
            ResetTimeoutMs = 15000;
        }

        /// <summary>The settings for a data context on <paramref name="apn"/> over <paramref name="radio"/>, the rest at their defaults.</summary>
        public static QuectelSettings For(string apn, RadioMode radio)
        {
            var settings = new QuectelSettings();
            settings.Apn = apn;
            settings.RadioMode = radio;
            return settings;
        }

        /// <summary>
        /// Whether ALPN is probed at bring-up with AT+QSSLCFG="alpn" and its read-back. Some BG95/BG77 firmware has
        /// the setting and some does not; only a confirmed read-back makes <see cref="ModemCapabilities.SupportsAlpn"/> true.
        /// </summary>
        public bool ProbeAlpn { get; set; } = true;

        /// <summary>
        /// How long after RDY the SIM may take to report +CPIN: READY by itself (it comes before APP RDY) before the
        /// driver asks with AT+CPIN?.
        /// </summary>
        public int SimReportTimeoutMs { get; set; } = 5000;

        /// <summary>Refuses <paramref name="settings"/> the driver cannot work with.</summary>
        /// <exception cref="ArgumentNullException">No settings.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A chunk size or socket count out of the module's range.</exception>
        /// <exception cref="ArgumentException">An APN or ALPN text an AT command cannot carry.</exception>
        public static void Check(QuectelSettings settings)
        {
            CheckCommon(settings, MaxReceiveRequest);
            if (settings.FileTimeoutMs < 1000)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "AT+QFUPL takes its input time in whole seconds: at least 1000 ms");
            }
        }
    }
}
