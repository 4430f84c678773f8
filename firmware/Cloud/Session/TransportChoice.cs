namespace CellularIot.Cloud.Session
{
    /// <summary>How messages reach AWS IoT Core on port 443.</summary>
    public enum TransportChoice
    {
        /// <summary>MQTT over TLS with ALPN "mqtt" when the modem can send ALPN, otherwise MQTT over WebSocket.</summary>
        Auto = 0,

        /// <summary>MQTT over TLS with ALPN "mqtt" (the modem must declare ALPN).</summary>
        MqttTls = 1,

        /// <summary>MQTT over a WebSocket at /mqtt (plain HTTPS, no ALPN).</summary>
        MqttWebSocket = 2,

        /// <summary>HTTPS POST to /topics/&lt;topic&gt; (no ALPN): publishing only, no commands.</summary>
        HttpsPost = 3,
    }
}
