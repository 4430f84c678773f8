namespace CellularIot.Modem.Sim7080
{
    using System;
    using CellularIot.At;

    /// <summary>
    /// The SIM7080G driver's settings: those every driver has (<see cref="ModemSettings"/>: sends are AT+CASEND,
    /// receives AT+CARECV, the data context AT+CNACT, files AT+CFSWFILE) and the module's own. The defaults are for a
    /// real module on a 1NCE SIM; tests shorten the times. The module has 12 connection ids but SSL contexts 0..5
    /// only, so at most 6 sockets.
    /// </summary>
    public sealed class Sim7080Settings : ModemSettings
    {
        /// <summary>The largest AT+CARECV request every firmware serves whole: larger ones fail or come back truncated on some.</summary>
        public const int MaxReceiveRequest = 512;

        /// <summary>AT+CFSWFILE's input time must stay below this.</summary>
        public const int FileInputTimeLimitMs = 10000;

        /// <summary>The defaults, with the SIM7080G's largest whole read.</summary>
        public Sim7080Settings()
        {
            MaxReceiveChunk = MaxReceiveRequest;
        }

        /// <summary>The settings for a data context on <paramref name="apn"/> over <paramref name="radio"/>, the rest at their defaults.</summary>
        public static Sim7080Settings For(string apn, RadioMode radio)
        {
            var settings = new Sim7080Settings();
            settings.Apn = apn;
            settings.RadioMode = radio;
            return settings;
        }

        /// <summary>
        /// The AT+CSSLCFG keyword that sets ALPN (<c>alpn</c>) on a firmware known to have it; null (the default)
        /// declares ALPN unsupported without asking the modem, since no public SIM7080G firmware documents it.
        /// </summary>
        public string AlpnKeyword { get; set; }

        /// <summary>The SSL context used for the ALPN probe.</summary>
        public int AlpnProbeContext { get; set; }

        /// <summary>How long a SIM that answers NOT READY or SIM busy after a boot is asked again before it counts as failed.</summary>
        public int SimReadyTimeoutMs { get; set; } = 20000;

        /// <summary>How often a SIM that is not ready yet is asked again; the module's own +CPIN: READY ends the wait sooner.</summary>
        public int SimPollMs { get; set; } = 2000;

        /// <summary>How often AT+CNACT? is polled while the data context comes up.</summary>
        public int DataPollMs { get; set; } = 1000;

        /// <summary>Quiet time after AT+CASEND's bytes that counts as its OK, which some firmware leaves out.</summary>
        public int SendFinalQuietMs { get; set; } = 2000;

        /// <summary>The input time given to AT+CFSWFILE; real firmware refuses 10000 ms and more.</summary>
        public int FileInputTimeMs { get; set; } = 5000;

        /// <summary>Refuses <paramref name="settings"/> the driver cannot work with.</summary>
        /// <exception cref="ArgumentNullException">No settings.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A chunk size or socket count out of the module's range.</exception>
        /// <exception cref="ArgumentException">An APN or ALPN text an AT command cannot carry.</exception>
        public static void Check(Sim7080Settings settings)
        {
            CheckCommon(settings, MaxReceiveRequest);
            if (settings.FileInputTimeMs < 1 || settings.FileInputTimeMs >= FileInputTimeLimitMs)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "AT+CFSWFILE's input time must be 1..9999 ms");
            }

            if (settings.AlpnKeyword != null)
            {
                AtText.CheckCommandText(settings.AlpnKeyword);
            }
        }
    }
}
