namespace CellularIot.Modem
{
    using System;
    using CellularIot.At;

    /// <summary>
    /// The times, counts and choices every driver here has: the power key and boot, probing, registration, the data
    /// context, sockets and files. The defaults are for a real module on a 1NCE SIM; a driver's settings set its
    /// module's own where they differ (<see cref="Sim7080.Sim7080Settings"/>, <see cref="Quectel.QuectelSettings"/>),
    /// and tests shorten the times.
    /// </summary>
    public abstract class ModemSettings
    {
        /// <summary>The most bytes one send command of either family carries.</summary>
        public const int MaxSendRequest = 1460;

        /// <summary>
        /// The most sockets a driver offers: every socket here is a TLS socket on the SSL context of its own id, and
        /// both families have SSL contexts 0..5 only.
        /// </summary>
        public const int SslContextCount = 6;

        /// <summary>The access point name of the data context.</summary>
        public string Apn { get; set; } = "iot.1nce.net";

        /// <summary>Cat-M, NB-IoT or both; the radio is always LTE only.</summary>
        public RadioMode RadioMode { get; set; } = RadioMode.CatM;

        /// <summary>
        /// The protocol written and read back to confirm ALPN at bring-up, and set on every socket opened without its
        /// own ALPN while ALPN is supported (an SSL context keeps its ALPN otherwise). http/1.1 because every such
        /// socket here speaks HTTP/1.1 (onboarding, WebSocket).
        /// </summary>
        public string AlpnProbeProtocol { get; set; } = "http/1.1";

        /// <summary>How long PWRKEY is held to toggle the power.</summary>
        public int PowerKeyPulseMs { get; set; } = 1000;

        /// <summary>How long a boot may take until its notices or an answer to AT.</summary>
        public int BootTimeoutMs { get; set; } = 20000;

        /// <summary>
        /// How long a boot may go without RDY before the modem is probed with AT, and then how often: the module prints
        /// RDY when its UART takes commands, a few seconds after PWRKEY, and probing sooner only adds commands a
        /// booting module cannot answer.
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

        /// <summary>
        /// After a bring-up that found the module answering, how long the rest of its boot (the boot's last notice,
        /// late) may still arrive without counting as a reboot.
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

        /// <summary>How long opening a socket may take until its result (DNS, TCP and the TLS handshake).</summary>
        public int SocketOpenTimeoutMs { get; set; } = 75000;

        /// <summary>Timeout of one send exchange (prompt, bytes, the final answer).</summary>
        public int SendTimeoutMs { get; set; } = 10000;

        /// <summary>Timeout of one receive exchange.</summary>
        public int ReceiveCommandTimeoutMs { get; set; } = 5000;

        /// <summary>Timeout of file commands.</summary>
        public int FileTimeoutMs { get; set; } = 10000;

        /// <summary>Largest CA file written to the module.</summary>
        public int MaxFileBytes { get; set; } = 10240;

        /// <summary>Timeout of AT+CFUN=1,1's answer.</summary>
        public int ResetTimeoutMs { get; set; } = 10000;

        /// <summary>How long a power-down by command or PWRKEY may take.</summary>
        public int PowerDownTimeoutMs { get; set; } = 10000;

        /// <summary>Most bytes one send command carries.</summary>
        public int MaxSendChunk { get; set; } = MaxSendRequest;

        /// <summary>Largest receive request.</summary>
        public int MaxReceiveChunk { get; set; } = MaxSendRequest;

        /// <summary>Socket ids 0..SocketCount-1, at most <see cref="SslContextCount"/>.</summary>
        public int SocketCount { get; set; } = SslContextCount;

        /// <summary>
        /// Refuses what no driver can work with: no settings, chunk sizes outside 1..1460 bytes to send and
        /// 1..<paramref name="maxReceiveRequest"/> to receive, a socket count outside 1..6, an APN or ALPN probe
        /// protocol an AT command cannot carry.
        /// </summary>
        /// <exception cref="ArgumentNullException">No settings.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A chunk size or socket count out of the module's range.</exception>
        /// <exception cref="ArgumentException">An APN or ALPN text an AT command cannot carry.</exception>
        protected static void CheckCommon(ModemSettings settings, int maxReceiveRequest)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (settings.MaxSendChunk < 1 || settings.MaxSendChunk > MaxSendRequest || settings.MaxReceiveChunk < 1 || settings.MaxReceiveChunk > maxReceiveRequest)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "send chunks must be 1.." + MaxSendRequest + " bytes, receive chunks 1.." + maxReceiveRequest);
            }

            if (settings.SocketCount < 1 || settings.SocketCount > SslContextCount)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "one SSL context per socket: 1.." + SslContextCount + " sockets");
            }

            AtText.CheckCommandText(settings.Apn);
            AtText.CheckCommandText(settings.AlpnProbeProtocol);
        }
    }
}
