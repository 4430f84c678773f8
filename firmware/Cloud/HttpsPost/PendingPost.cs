namespace CellularIot.Cloud.HttpsPost
{
    /// <summary>
    /// A message waiting to be posted: its topic, QoS and a copy of its payload. A batch IoT Core found too large
    /// is split into parts that share the delivery id, which is acknowledged once the last part is.
    /// </summary>
    internal sealed class PendingPost
    {
        public PendingPost(int deliveryId, string topic, int qos, byte[] body)
        {
            DeliveryId = deliveryId;
            Topic = topic;
            Qos = qos;
            Body = body;
        }

        /// <summary>What <see cref="HttpsPostLink.Publish"/> returned: reported when delivered; 0 at QoS 0.</summary>
        public int DeliveryId { get; }

        public string Topic { get; }

        public int Qos { get; }

        public byte[] Body { get; set; }
    }
}
