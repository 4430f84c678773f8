namespace CellularIot.Cloud.Mqtt
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// Everything an <see cref="MqttClient"/> needs to know before it connects, including the sizes of every
    /// buffer it allocates once at construction. The defaults fit an ESP32 without PSRAM: about 4 KB each
    /// for sending and receiving and 16 KB of in-flight slots.
    /// </summary>
    public class MqttSettings
    {
        /// <summary>Shortest keep-alive AWS IoT Core accepts; shorter values are raised to it.</summary>
        public const int MinKeepAliveSeconds = 30;

        /// <summary>Longest keep-alive AWS IoT Core accepts; longer values are lowered to it.</summary>
        public const int MaxKeepAliveSeconds = 1200;

        /// <summary>
        /// Least time to wait for CONNACK: AWS gives the custom-authorizer Lambda 5 s, and the answer still
        /// has to cross an LTE-M link.
        /// </summary>
        public const int MinConnackTimeoutMs = 10000;

        /// <summary>Smallest buffer the client accepts for any of its packet buffers.</summary>
        public const int MinBufferBytes = 64;

        private const int MaxClientIdBytes = 128;
        private const int MaxInFlightCapacity = 1024;

        private int keepAliveSeconds = 300;
        private int connackTimeoutMs = MinConnackTimeoutMs;

        /// <summary>Creates settings for the SIM <paramref name="clientId"/> (its ICCID) and the login user name.</summary>
        /// <param name="clientId">The MQTT client ID: the ICCID exactly, as the 1NCE policy requires.</param>
        /// <param name="username">
        /// The user name from onboarding (it carries the custom-authorizer name, token and signature), sent
        /// unchanged; null sends no user name.
        /// </param>
        public MqttSettings(string clientId, string username)
        {
            if (clientId == null)
            {
                throw new ArgumentNullException(nameof(clientId));
            }

            ClientId = clientId;
            Username = username;
            CleanSession = true;
        }

        /// <summary>The MQTT client ID, which is the ICCID.</summary>
        public string ClientId { get; }

        /// <summary>
        /// The MQTT user name, written byte for byte (never logged whole: it holds the token). Changed through
        /// <see cref="MqttClient.ChangeUsername"/>, which checks that it fits.
        /// </summary>
        public string Username { get; internal set; }

        /// <summary>CONNECT's clean-session flag. False asks the broker to keep subscriptions and queued QoS 1 messages.</summary>
        public bool CleanSession { get; set; }

        /// <summary>Keep-alive in seconds, clamped to 30..1200 (AWS IoT Core's range) when set. Default 300.</summary>
        public int KeepAliveSeconds
        {
            get
            {
                return keepAliveSeconds;
            }

            set
            {
                keepAliveSeconds = value < MinKeepAliveSeconds ? MinKeepAliveSeconds : (value > MaxKeepAliveSeconds ? MaxKeepAliveSeconds : value);
            }
        }

        /// <summary>How long to wait for CONNACK; raised to at least 10 s when set. Default 10 s.</summary>
        public int ConnackTimeoutMs
        {
            get
            {
                return connackTimeoutMs;
            }

            set
            {
                connackTimeoutMs = value < MinConnackTimeoutMs ? MinConnackTimeoutMs : value;
            }
        }

        /// <summary>How long after a PINGREQ the PINGRESP may take before the connection counts as lost. Default 20 s.</summary>
        public int PingTimeoutMs { get; set; } = 20000;

        /// <summary>How long <see cref="MqttClient.Subscribe"/> waits for SUBACK. Default 10 s.</summary>
        public int SubackTimeoutMs { get; set; } = 10000;

        /// <summary>Size of the send buffer: the largest CONNECT, SUBSCRIBE or QoS 0 PUBLISH. Default 4096.</summary>
        public int MaxPacketBytes { get; set; } = 4096;

        /// <summary>
        /// Largest remaining length accepted from the broker, which sizes the receive buffer; a larger packet
        /// is refused and the connection closed. Default 4096.
        /// </summary>
        public int MaxIncomingPacketBytes { get; set; } = 4096;

        /// <summary>Bytes asked of the transport per read. Default 512.</summary>
        public int ReadChunkBytes { get; set; } = 512;

        /// <summary>Most unacknowledged QoS 1 messages held at once. Default 16.</summary>
        public int InFlightCapacity { get; set; } = 16;

        /// <summary>Size of one in-flight slot: the largest whole QoS 1 PUBLISH packet. Default 1024.</summary>
        public int InFlightSlotBytes { get; set; } = 1024;

        /// <summary>
        /// After this many connection drops right after sending it, an unacknowledged QoS 1 message is taken
        /// out of the in-flight table and reported instead of being retried. Default 3.
        /// </summary>
        public int QuarantineAfterDrops { get; set; } = 3;

        /// <summary>A drop within this many ms of a message's sending counts as a drop "right after" it. Default 10 s.</summary>
        public int RejectWindowMs { get; set; } = 10000;

        /// <summary>How many received QoS 1 messages are remembered to spot redeliveries. Default 16.</summary>
        public int RedeliveryHistory { get; set; } = 16;

        /// <summary>How long a received QoS 1 message is remembered to spot redeliveries. Default 10 minutes.</summary>
        public int RedeliveryWindowMs { get; set; } = 600000;

        /// <summary>Refuses settings a client cannot run with: sizes, counts and times out of range, a client ID AWS IoT Core would not take.</summary>
        /// <exception cref="ArgumentException">A setting is out of range.</exception>
        internal static void Check(MqttSettings settings)
        {
            if (Utf8.GetByteCount(settings.ClientId) > MaxClientIdBytes)
            {
                throw new ArgumentException("AWS IoT Core takes a client ID of at most " + MaxClientIdBytes + " bytes", nameof(settings));
            }

            RequireAtLeast(settings.MaxPacketBytes, MinBufferBytes, "MaxPacketBytes");
            RequireAtLeast(settings.MaxIncomingPacketBytes, MinBufferBytes, "MaxIncomingPacketBytes");
            RequireAtLeast(settings.ReadChunkBytes, 1, "ReadChunkBytes");
            RequireAtLeast(settings.InFlightSlotBytes, MinBufferBytes, "InFlightSlotBytes");
            RequireAtLeast(settings.PingTimeoutMs, 1, "PingTimeoutMs");
            RequireAtLeast(settings.SubackTimeoutMs, 1, "SubackTimeoutMs");
            RequireAtLeast(settings.QuarantineAfterDrops, 1, "QuarantineAfterDrops");
            RequireAtLeast(settings.RejectWindowMs, 0, "RejectWindowMs");
            RequireAtLeast(settings.RedeliveryHistory, 1, "RedeliveryHistory");
            RequireAtLeast(settings.RedeliveryWindowMs, 0, "RedeliveryWindowMs");
            if (settings.InFlightCapacity < 1 || settings.InFlightCapacity > MaxInFlightCapacity)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "InFlightCapacity is 1.." + MaxInFlightCapacity);
            }
        }

        private static void RequireAtLeast(int value, int minimum, string name)
        {
            if (value < minimum)
            {
                throw new ArgumentOutOfRangeException(name, name + " is " + value + ", must be at least " + minimum);
            }
        }
    }
}
