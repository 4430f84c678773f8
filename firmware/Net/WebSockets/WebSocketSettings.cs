namespace CellularIot.Net.WebSockets
{
    using System;

    /// <summary>Limits and handshake parameters of a <see cref="WebSocketTransport"/>.</summary>
    public class WebSocketSettings
    {
        private int maxFrameBytes = 140000;
        private int maxMessageBytes = 140000;
        private int handshakeTimeoutMs = 20000;
        private string path = "/mqtt";
        private string subprotocol = "mqtt";

        /// <summary>
        /// Largest frame payload accepted from the server; also the largest frame sent (longer writes are
        /// split, which MQTT over WebSocket allows). Frames stream through without being buffered whole, so
        /// the default matches the message limit: IoT Core may send a whole PUBLISH as one frame.
        /// </summary>
        public int MaxFrameBytes
        {
            get { return maxFrameBytes; }
            set { maxFrameBytes = Positive(value, nameof(MaxFrameBytes)); }
        }

        /// <summary>
        /// Largest message accepted from the server, all its fragments together. The default leaves room for
        /// IoT Core's 128 KB payload limit plus the MQTT packet around it.
        /// </summary>
        public int MaxMessageBytes
        {
            get { return maxMessageBytes; }
            set { maxMessageBytes = Positive(value, nameof(MaxMessageBytes)); }
        }

        /// <summary>Longest time from sending the upgrade request to the end of the server's 101 head.</summary>
        public int HandshakeTimeoutMs
        {
            get { return handshakeTimeoutMs; }
            set { handshakeTimeoutMs = Positive(value, nameof(HandshakeTimeoutMs)); }
        }

        /// <summary>The request path of the upgrade: IoT Core serves MQTT over WebSocket at "/mqtt".</summary>
        public string Path
        {
            get
            {
                return path;
            }

            set
            {
                if (value == null)
                {
                    throw new ArgumentNullException(nameof(value));
                }

                path = value;
            }
        }

        /// <summary>The Sec-WebSocket-Protocol requested: "mqtt".</summary>
        public string Subprotocol
        {
            get
            {
                return subprotocol;
            }

            set
            {
                if (value == null)
                {
                    throw new ArgumentNullException(nameof(value));
                }

                subprotocol = value;
            }
        }

        private static int Positive(int value, string name)
        {
            if (value <= 0)
            {
                throw new ArgumentOutOfRangeException(name, "must be positive");
            }

            return value;
        }
    }
}
