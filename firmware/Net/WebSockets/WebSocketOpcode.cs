namespace CellularIot.Net.WebSockets
{
    /// <summary>The frame opcodes of RFC 6455 section 5.2 that this client meets.</summary>
    internal static class WebSocketOpcode
    {
        /// <summary>A further fragment of the message in progress.</summary>
        public const int Continuation = 0;

        /// <summary>A text message (refused: MQTT travels in binary frames).</summary>
        public const int Text = 1;

        /// <summary>A binary message.</summary>
        public const int Binary = 2;

        /// <summary>The closing handshake.</summary>
        public const int Close = 8;

        /// <summary>A ping, answered with a pong.</summary>
        public const int Ping = 9;

        /// <summary>A pong.</summary>
        public const int Pong = 10;

        /// <summary>Opcodes from here up are control frames.</summary>
        public const int FirstControl = 8;

        /// <summary>The largest control frame payload.</summary>
        public const int MaxControlPayload = 125;
    }
}
