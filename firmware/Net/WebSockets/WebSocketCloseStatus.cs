namespace CellularIot.Net.WebSockets
{
    /// <summary>The close codes of RFC 6455 section 7.4.1 that this client sends or reports.</summary>
    public static class WebSocketCloseStatus
    {
        /// <summary>The purpose of the connection is fulfilled.</summary>
        public const int NormalClosure = 1000;

        /// <summary>The peer broke the framing rules.</summary>
        public const int ProtocolError = 1002;

        /// <summary>The peer sent a kind of data this endpoint does not take (text, for MQTT).</summary>
        public const int UnsupportedData = 1003;

        /// <summary>A close frame without a status code (reported, never sent).</summary>
        public const int NoStatusReceived = 1005;

        /// <summary>A frame or message is larger than this endpoint accepts.</summary>
        public const int MessageTooBig = 1009;
    }
}
