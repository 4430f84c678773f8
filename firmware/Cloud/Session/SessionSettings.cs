namespace CellularIot.Cloud.Session
{
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Cloud.Token;
    using CellularIot.Net.Http;
    using CellularIot.Net.WebSockets;

    /// <summary>The cloud session's settings; defaults fit AWS IoT Core behind 1NCE onboarding.</summary>
    public class SessionSettings
    {
        /// <summary>The APN the data context uses.</summary>
        public string Apn { get; set; } = "iot.1nce.net";

        /// <summary>How messages reach IoT Core.</summary>
        public TransportChoice Transport { get; set; } = TransportChoice.Auto;

        /// <summary>The onboarding API's host (also the SNI and the certificate name).</summary>
        public string OnboardingHost { get; set; } = OnboardingClient.Host;

        /// <summary>The port of both the onboarding API and IoT Core.</summary>
        public int Port { get; set; } = 443;

        /// <summary>The CA file's name in the modem's file system.</summary>
        public string CaFileName { get; set; } = RootCaCheck.ShippedFileName;

        /// <summary>
        /// CONNECT's clean-session flag. False (the default) asks IoT Core to keep the session while the device is
        /// away: its subscriptions, and the QoS 1 commands sent meanwhile, delivered at the next connection.
        /// </summary>
        public bool CleanSession { get; set; }

        /// <summary>MQTT keep-alive in seconds (30..1200). Longer saves data; 1NCE's NAT keeps idle flows for long enough.</summary>
        public int KeepAliveSeconds { get; set; } = 600;

        /// <summary>
        /// HTTPS POST: seconds a connection may sit idle and still carry the next post; after that it is opened
        /// again, before the server (AWS's load balancer: 60 s) closes it under a post.
        /// </summary>
        public int HttpsPostIdleSeconds { get; set; } = 50;

        /// <summary>First wait after a failed connection; it doubles up to <see cref="ReconnectMaxDelayMs"/>.</summary>
        public int ReconnectInitialDelayMs { get; set; } = 5000;

        /// <summary>Longest wait between connection attempts.</summary>
        public int ReconnectMaxDelayMs { get; set; } = 600000;

        /// <summary>Random part of each wait, in percent, so devices cut off together do not return together.</summary>
        public int JitterPercent { get; set; } = 25;

        /// <summary>Failed connection attempts in a row after which the modem's recovery ladder runs.</summary>
        public int FailuresBeforeModemRecovery { get; set; } = 3;

        /// <summary>Onboarding retry timing.</summary>
        public OnboardingRetrySettings OnboardingRetry { get; set; } = new OnboardingRetrySettings();

        /// <summary>Token refresh timing.</summary>
        public TokenSettings Token { get; set; } = new TokenSettings();

        /// <summary>HTTP limits for onboarding and HTTPS POST answers.</summary>
        public HttpSettings Http { get; set; } = new HttpSettings();

        /// <summary>WebSocket limits for MQTT over WebSocket.</summary>
        public WebSocketSettings WebSocket { get; set; } = new WebSocketSettings();

        /// <summary>Timeouts of the MQTT client that are not fixed by AWS (CONNACK wait, ping answer).</summary>
        public int PingTimeoutMs { get; set; } = 20000;
    }
}
