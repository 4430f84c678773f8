namespace CellularIot.Modem.Quectel
{
    using System;
    using CellularIot.At;

    /// <summary>
    /// Every time, count and choice of the Quectel BG95/BG96 driver. The defaults are for a real module on a 1NCE
    /// SIM (times from the BG95/BG96 AT manuals' "Maximum Response Time" rows); tests shorten them.
    /// </summary>
    public sealed class QuectelSettings
    {
        /// <summary>The settings for a data context on <paramref name="apn"/> over <paramref name="radio"/>, the rest at their defaults.</summary>
        public static QuectelSettings For(string apn, RadioMode radio)
        {
            var settings = new QuectelSettings();
            settings.Apn = apn;
            settings.RadioMode = radio;
            return settings;
        }

        /// <summary>The access point name of PDP context 1 (AT+QICSGP).</summary>
        public string Apn { get; set; } = "iot.1nce.net";

        /// <summary>Cat-M, NB-IoT or both (AT+QCFG="iotopmode"); the radio is always LTE only (AT+QCFG="nwscanmode",3).</summary>
        public RadioMode RadioMode { get; set; } = RadioMode.CatM;

        /// <summary>
        /// Whether ALPN is probed at bring-up with AT+QSSLCFG="alpn" and its read-back. Some BG95/BG77 firmware has
        /// the setting and some does not; only a confirmed read-back makes <see cref="ModemCapabilities.SupportsAlpn"/> true.
        /// </summary>
        public bool ProbeAlpn { get; set; } = true;

        /// <summary>
        /// The protocol written and read back to confirm ALPN at bring-up, and set on every socket opened without its own
        /// ALPN while ALPN is supported (an SSL context keeps its ALPN otherwise).
        /// </summary>
        public string AlpnProbeProtocol { get; set; } = "http/1.1";

        /// <summary>
        /// How long PWRKEY is held: the BG95 hardware design asks for 500..1000 ms to switch on and at least 650 ms
        /// to switch off, the BG96's for at least 500 ms and 650 ms; 800 ms does both on both.
        /// </summary>
        public int PowerKeyPulseMs { get; set; } = 800;

        /// <summary>How long a boot may take until RDY / APP RDY or an answer to AT.</summary>
        public int BootTimeoutMs { get; set; } = 20000;

        /// <summary>
        /// How long a boot may go without RDY before the modem is probed with AT, and then how often: the module prints
        /// RDY when its UART takes commands, a few seconds after PWRKEY, and probing sooner only adds commands a
        /// booting module cannot answer.
        /// </summary>
        public int BootProbeIntervalMs { get; set; } = 3000;

        /// <summary>
        /// How long after RDY the SIM may take to report +CPIN: READY by itself (it comes before APP RDY) before the
        /// driver asks with AT+CPIN?.
        /// </summary>
        public int SimReportTimeoutMs { get; set; } = 5000;

        /// <summary>Timeout of one AT probe.</summary>
        public int ProbeTimeoutMs { get; set; } = 500;

        /// <summary>
        /// AT probes before the recovery ladder counts the modem as silent (hung) and resets it. (At power-on one
        /// probe decides whether the module is on: one that is on answers at once.)
        /// </summary>
        public int ProbeAttempts { get; set; } = 3;

        /// <summary>AT probes allowed for synchronising after a boot.</summary>
        public int SyncAttempts { get; set; } = 10;

        /// <summary>After a power-down by PWRKEY, how long to wait before pressing it again.</summary>
        public int PowerOffSettleMs { get; set; } = 2000;

        /// <summary>
        /// After a bring-up that found the module answering, how long the rest of its boot (a late APP RDY) may
        /// still arrive without counting as a reboot.
        /// </summary>
        public int LateBootWindowMs { get; set; } = 60000;

        /// <summary>Timeout of ordinary commands.</summary>
        public int CommandTimeoutMs { get; set; } = 5000;

        /// <summary>How long to wait for network registration; a first attach can take minutes.</summary>
        public int AttachTimeoutMs { get; set; } = 300000;

        /// <summary>How often AT+CEREG? is polled while waiting for registration (URCs end the wait sooner).</summary>
        public int RegistrationPollMs { get; set; } = 5000;

        /// <summary>How long AT+QIACT may take (the TCP/IP manual gives 150 s; AT+QIDEACT 40 s).</summary>
        public int DataTimeoutMs { get; set; } = 150000;

        /// <summary>How long AT+QSSLOPEN may take until its +QSSLOPEN result (DNS, TCP and the TLS handshake).</summary>
        public int SocketOpenTimeoutMs { get; set; } = 75000;

        /// <summary>Timeout of one AT+QSSLSEND exchange (prompt, bytes, SEND OK).</summary>
        public int SendTimeoutMs { get; set; } = 10000;

        /// <summary>Timeout of one AT+QSSLRECV exchange.</summary>
        public int ReceiveCommandTimeoutMs { get; set; } = 5000;

        /// <summary>Timeout of file commands; AT+QFUPL is given it (in whole seconds) as its input time.</summary>
        public int FileTimeoutMs { get; set; } = 10000;

        /// <summary>Largest CA file uploaded.</summary>
        public int MaxFileBytes { get; set; } = 10240;

        /// <summary>Timeout of AT+CFUN=1,1's answer.</summary>
        public int ResetTimeoutMs { get; set; } = 15000;

        /// <summary>How long AT+QPOWD=1 or a PWRKEY power-down may take until POWERED DOWN.</summary>
        public int PowerDownTimeoutMs { get; set; } = 10000;

        /// <summary>Most bytes one AT+QSSLSEND carries (the SSL manual's maximum is 1460).</summary>
        public int MaxSendChunk { get; set; } = 1460;

        /// <summary>Largest AT+QSSLRECV request (the SSL manual's maximum is 1500; 1460 keeps one TCP segment).</summary>
        public int MaxReceiveChunk { get; set; } = 1460;

        /// <summary>
        /// Client ids 0..SocketCount-1. The module has 12 client ids but 6 SSL contexts (0..5); each socket uses the
        /// SSL context with its own id, so at most 6.
        /// </summary>
        public int SocketCount { get; set; } = 6;

        /// <summary>Refuses <paramref name="settings"/> the driver cannot work with.</summary>
        /// <exception cref="ArgumentNullException">No settings.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A chunk size or socket count out of the module's range.</exception>
        /// <exception cref="ArgumentException">An APN or ALPN text an AT command cannot carry.</exception>
        public static void Check(QuectelSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (settings.MaxSendChunk < 1 || settings.MaxSendChunk > 1460 || settings.MaxReceiveChunk < 1 || settings.MaxReceiveChunk > 1500)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "send chunks must be 1..1460 bytes, receive chunks 1..1500");
            }

            if (settings.SocketCount < 1 || settings.SocketCount > 6)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "one SSL context per socket: 1..6 sockets");
            }

            if (settings.FileTimeoutMs < 1000)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "AT+QFUPL takes its input time in whole seconds: at least 1000 ms");
            }

            AtText.CheckCommandText(settings.Apn);
            AtText.CheckCommandText(settings.AlpnProbeProtocol);
        }
    }
}
