namespace CellularIot.Cloud.Mqtt
{
    /// <summary>
    /// What the application hears from an <see cref="MqttClient"/>. Every call comes on the thread that runs
    /// the receive side (<see cref="MqttClient.Poll"/>, <see cref="MqttClient.Connect"/> or
    /// <see cref="MqttClient.Subscribe"/>), with no lock held, so a handler may publish. Handlers should be
    /// quick: the receive side waits for them. An exception from a handler is logged and swallowed.
    /// </summary>
    public interface IMqttListener
    {
        /// <summary>
        /// A message arrived on a subscribed topic. <paramref name="message"/> points into the receive buffer
        /// and is valid only during this call. A QoS 1 message is acknowledged after this returns; a
        /// redelivery of a message already handed over is acknowledged without calling this again.
        /// </summary>
        void OnMessage(MqttMessage message);

        /// <summary>The broker acknowledged (PUBACK) the QoS 1 message sent under <paramref name="packetId"/>.</summary>
        void OnDelivered(int packetId);

        /// <summary>
        /// The connection that <see cref="MqttClient.Connect"/> opened has ended; called once per connection,
        /// from <see cref="MqttClient.Poll"/> (or, when nobody polled after the loss, at the start of the next
        /// Connect). Unacknowledged QoS 1 messages are kept and sent again by the next Connect.
        /// </summary>
        void OnConnectionLost(ConnectionLossReason reason, string detail);

        /// <summary>A QoS 1 message was set aside instead of being retried (see <see cref="QuarantinedMessage"/>).</summary>
        void OnQuarantined(QuarantinedMessage message);
    }
}
