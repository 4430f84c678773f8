namespace CellularIot.Cloud.Mqtt
{
    /// <summary>MQTT 3.1.1 control packet types: the high nibble of a packet's first byte.</summary>
    public static class PacketType
    {
        /// <summary>Client asks to connect.</summary>
        public const int Connect = 1;

        /// <summary>Broker answers CONNECT.</summary>
        public const int Connack = 2;

        /// <summary>An application message, either way.</summary>
        public const int Publish = 3;

        /// <summary>Acknowledges a QoS 1 PUBLISH.</summary>
        public const int Puback = 4;

        /// <summary>QoS 2, step 1 (never used here).</summary>
        public const int Pubrec = 5;

        /// <summary>QoS 2, step 2 (never used here).</summary>
        public const int Pubrel = 6;

        /// <summary>QoS 2, step 3 (never used here).</summary>
        public const int Pubcomp = 7;

        /// <summary>Client subscribes.</summary>
        public const int Subscribe = 8;

        /// <summary>Broker answers SUBSCRIBE.</summary>
        public const int Suback = 9;

        /// <summary>Client unsubscribes.</summary>
        public const int Unsubscribe = 10;

        /// <summary>Broker answers UNSUBSCRIBE.</summary>
        public const int Unsuback = 11;

        /// <summary>Client keep-alive probe.</summary>
        public const int Pingreq = 12;

        /// <summary>Broker answers PINGREQ.</summary>
        public const int Pingresp = 13;

        /// <summary>Client says goodbye.</summary>
        public const int Disconnect = 14;

        /// <summary>The packet's name, for error messages.</summary>
        public static string Name(int type)
        {
            switch (type)
            {
                case Connect: return "CONNECT";
                case Connack: return "CONNACK";
                case Publish: return "PUBLISH";
                case Puback: return "PUBACK";
                case Pubrec: return "PUBREC";
                case Pubrel: return "PUBREL";
                case Pubcomp: return "PUBCOMP";
                case Subscribe: return "SUBSCRIBE";
                case Suback: return "SUBACK";
                case Unsubscribe: return "UNSUBSCRIBE";
                case Unsuback: return "UNSUBACK";
                case Pingreq: return "PINGREQ";
                case Pingresp: return "PINGRESP";
                case Disconnect: return "DISCONNECT";
                default: return "reserved type " + type;
            }
        }
    }
}
