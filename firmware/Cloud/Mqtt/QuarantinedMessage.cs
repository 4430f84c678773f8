namespace CellularIot.Cloud.Mqtt
{
    /// <summary>
    /// A QoS 1 message taken out of the in-flight table because the connection dropped right after it was
    /// sent, <see cref="MqttSettings.QuarantineAfterDrops"/> times: AWS IoT Core closes the connection on a
    /// PUBLISH its policy refuses, and retrying it on every reconnect would loop forever.
    /// </summary>
    public class QuarantinedMessage
    {
        /// <summary>Creates the report.</summary>
        public QuarantinedMessage(int packetId, string topic, byte[] payload, int drops)
        {
            PacketId = packetId;
            Topic = topic;
            Payload = payload;
            Drops = drops;
        }

        /// <summary>The packet identifier it was sent under.</summary>
        public int PacketId { get; }

        /// <summary>Its topic.</summary>
        public string Topic { get; }

        /// <summary>A copy of its payload, for the application to log or store.</summary>
        public byte[] Payload { get; }

        /// <summary>The drops counted against it.</summary>
        public int Drops { get; }
    }
}
