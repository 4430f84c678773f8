namespace CellularIot.Modem.Sim7080
{
    using System;
    using CellularIot.At;

    /// <summary>
    /// Every time, count and choice of the SIM7080G driver. The defaults are for a real module on a 1NCE SIM;
    /// tests shorten the times.
    /// </summary>
    public sealed class Sim7080Settings
    {
        /// <summary>The SSL contexts the module has (0..5).</summary>
        public const int SslContextCount = 6;

        /// <summary>The largest AT+CARECV request every firmware serves whole.</summary>
        public const int MaxReceiveRequest = 512;

        /// <summary>AT+CFSWFILE's input time must stay below this.</summary>
        public const int FileInputTimeLimitMs = 10000;

        /// <summary>The settings for a data context on <paramref name="apn"/> over <paramref name="radio"/>, the rest at their defaults.</summary>
        public static Sim7080Settings For(string apn, RadioMode radio)
        {
            var settings = new Sim7080Settings();
            settings.Apn = apn;
            settings.RadioMode = radio;
            return settings;
        }

        /// <summary>The access point name for the data context.</summary>
        public string Apn { get; set; } = "iot.1nce.net";

        /// <summary>Cat-M, NB-IoT or both (AT+CMNB); the radio is always LTE only (AT+CNMP=38).</summary>
        public RadioMode RadioMode { get; set; } = RadioMode.CatM;

        /// <summary>
        /// The AT+CSSLCFG keyword that sets ALPN (<c>alpn</c>) on a firmware known to have it; null (the default)
        /// declares ALPN unsupported without asking the modem, since no public SIM7080G firmware documents it.
        /// </summary>
        public string AlpnKeyword { get; set; }

        /// <summary>
        /// The protocol written and read back to confirm ALPN at bring-up, and set on every socket opened without its
        /// own ALPN while ALPN is supported (an SSL context keeps its ALPN otherwise). http/1.1 because every such
        /// socket here speaks HTTP/1.1 (onboarding, WebSocket).
        /// </summary>
        public string AlpnProbeProtocol { get; set; } = "http/1.1";

        /// <summary>The SSL context used for the ALPN probe.</summary>
        public int AlpnProbeContext { get; set; }

        /// <summary>How long PWRKEY is held to toggle the power.</summary>
        public int PowerKeyPulseMs { get; set; } = 1000;

        /// <summary>How long a boot may take until RDY / SMS Ready or an answer to AT.</summary>
        public int BootTimeoutMs { get; set; } = 20000;

        /// <summary>
        /// How long a boot may go without RDY before the modem is probed with AT, and then how often: RDY comes a
        /// few seconds after PWRKEY, and probing sooner only adds commands a booting module cannot answer.
        /// </summary>
        public int BootProbeIntervalMs { get; set; } = 3000;

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

        /// <summary>How long a SIM that answers NOT READY or SIM busy after a boot is asked again before it counts as failed.</summary>
        public int SimReadyTimeoutMs { get; set; } = 20000;

        /// <summary>How often a SIM that is not ready yet is asked again; the module's own +CPIN: READY ends the wait sooner.</summary>
        public int SimPollMs { get; set; } = 2000;

        /// <summary>
        /// After a bring-up that found the module answering, how long the rest of its boot (a late SMS Ready) may
        /// still arrive without counting as a reboot.
        /// </summary>
        public int LateBootWindowMs { get; set; } = 60000;

        /// <summary>Timeout of ordinary commands.</summary>
        public int CommandTimeoutMs { get; set; } = 5000;

        /// <summary>How long to wait for network registration; a first attach can take minutes.</summary>
        public int AttachTimeoutMs { get; set; } = 300000;

        /// <summary>How often AT+CEREG? is polled while waiting for registration (URCs end the wait sooner).</summary>
        public int RegistrationPollMs { get; set; } = 5000;

        /// <summary>How long the data context may take to come up or go down.</summary>
        public int DataTimeoutMs { get; set; } = 30000;

        /// <summary>How often AT+CNACT? is polled while the data context comes up.</summary>
        public int DataPollMs { get; set; } = 1000;

        /// <summary>How long AT+CAOPEN may take until its +CAOPEN result (DNS, TCP and the TLS handshake).</summary>
        public int SocketOpenTimeoutMs { get; set; } = 75000;

        /// <summary>Timeout of one AT+CASEND exchange (prompt, bytes, OK).</summary>
        public int SendTimeoutMs { get; set; } = 10000;

        /// <summary>Quiet time after AT+CASEND's bytes that counts as its OK, which some firmware leaves out.</summary>
        public int SendFinalQuietMs { get; set; } = 2000;

        /// <summary>Timeout of one AT+CARECV exchange.</summary>
        public int ReceiveCommandTimeoutMs { get; set; } = 5000;

        /// <summary>Timeout of file commands.</summary>
        public int FileTimeoutMs { get; set; } = 10000;

        /// <summary>The input time given to AT+CFSWFILE; real firmware refuses 10000 ms and more.</summary>
        public int FileInputTimeMs { get; set; } = 5000;

        /// <summary>Largest file AT+CFSWFILE takes.</summary>
        public int MaxFileBytes { get; set; } = 10240;

        /// <summary>Timeout of AT+CFUN=1,1's answer.</summary>
        public int ResetTimeoutMs { get; set; } = 10000;

        /// <summary>How long AT+CPOWD=1 or a PWRKEY power-down may take.</summary>
        public int PowerDownTimeoutMs { get; set; } = 10000;

        /// <summary>Most bytes one AT+CASEND carries (the module's maximum is 1460).</summary>
        public int MaxSendChunk { get; set; } = 1460;

        /// <summary>Largest AT+CARECV request: larger ones fail or come back truncated on some firmware.</summary>
        public int MaxReceiveChunk { get; set; } = MaxReceiveRequest;

        /// <summary>
        /// Connection ids 0..SocketCount-1. The SIM7080G has 12 ids but only SSL contexts 0..5, and every socket
        /// here is a TLS socket on the context of its own id, so at most 6.
        /// </summary>
        public int SocketCount { get; set; } = SslContextCount;

        /// <summary>Refuses <paramref name="settings"/> the driver cannot work with.</summary>
        /// <exception cref="ArgumentNullException">No settings.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A chunk size or socket count out of the module's range.</exception>
        /// <exception cref="ArgumentException">An APN or ALPN text an AT command cannot carry.</exception>
        public static void Check(Sim7080Settings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (settings.MaxSendChunk < 1 || settings.MaxSendChunk > 1460 || settings.MaxReceiveChunk < 1 || settings.MaxReceiveChunk > MaxReceiveRequest)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "send chunks must be 1..1460 bytes, receive chunks 1..512");
            }

            if (settings.SocketCount < 1 || settings.SocketCount > SslContextCount)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "TLS sockets need SSL contexts: 1..6 sockets");
            }

            if (settings.FileInputTimeMs < 1 || settings.FileInputTimeMs >= FileInputTimeLimitMs)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "AT+CFSWFILE's input time must be 1..9999 ms");
            }

            AtText.CheckCommandText(settings.Apn);
            if (settings.AlpnKeyword != null)
            {
                AtText.CheckCommandText(settings.AlpnKeyword);
                AtText.CheckCommandText(settings.AlpnProbeProtocol);
            }
        }
    }
}
