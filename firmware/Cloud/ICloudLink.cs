namespace CellularIot.Cloud
{
    using CellularIot.Cloud.Session;

    /// <summary>
    /// What the device's main loop needs of its way to the cloud, whatever carries it (MQTT over TLS or
    /// WebSocket today; an HTTPS POST link can stand here too): publish a batch and learn of its delivery,
    /// receive commands, know the connection's state. Deliveries and messages are reported to the
    /// <see cref="ICloudListener"/> the link was built with.
    /// </summary>
    public interface ICloudLink
    {
        /// <summary>Where the link stands.</summary>
        SessionState State { get; }

        /// <summary>True while messages can be published.</summary>
        bool IsOnline { get; }

        /// <summary>
        /// True when <see cref="Publish"/> takes a message of <paramref name="qos"/> now: while online, and over MQTT a
        /// QoS 1 message also while connecting (it goes out with the connection's first write); at QoS 1 only while a
        /// delivery slot is free.
        /// </summary>
        bool CanPublish(int qos);

        /// <summary>QoS 1 messages <see cref="Publish"/> takes now before its window of unacknowledged ones is full.</summary>
        int DeliverySlotsFree { get; }

        /// <summary>The SIM's ICCID, or null before the modem has been up.</summary>
        string Iccid { get; }

        /// <summary>How messages travel, in words, for status replies and logs.</summary>
        string TransportName { get; }

        /// <summary>&lt;ICCID&gt;/<paramref name="suffix"/>, checked against the topic rules.</summary>
        string Topic(string suffix);

        /// <summary>
        /// Publishes one message. Returns a delivery id for an acknowledged delivery (QoS 1), reported later
        /// through <see cref="ICloudListener.OnDelivered"/> or <see cref="ICloudListener.OnAbandoned"/>; 0 when
        /// nothing will be acknowledged (QoS 0). Delivery ids are unique among the deliveries still awaited.
        /// </summary>
        /// <exception cref="CloudLinkException">Not online, or the message was refused before it was sent.</exception>
        int Publish(string topic, byte[] payload, int offset, int count, int qos);

        /// <summary>Advances the link by one step, waiting at most <paramref name="waitMs"/>.</summary>
        void RunOnce(int waitMs);
    }
}
