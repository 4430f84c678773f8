namespace CellularIot.Cloud.Session
{
    using CellularIot.Cloud.Mqtt;

    /// <summary>
    /// What the application hears from the cloud session. Calls come on the thread that runs
    /// <see cref="CloudSession.RunOnce"/>, so a handler may publish.
    /// </summary>
    public interface ICloudListener
    {
        /// <summary>The session moved to <paramref name="state"/>; <paramref name="detail"/> says why.</summary>
        void OnStateChanged(SessionState state, string detail);

        /// <summary>A message arrived on a subscribed filter; valid only during the call.</summary>
        void OnMessage(MqttMessage message);

        /// <summary>The broker acknowledged the QoS 1 publish that returned <paramref name="packetId"/>.</summary>
        void OnDelivered(int packetId);

        /// <summary>
        /// The QoS 1 publish that returned <paramref name="packetId"/> was set aside: the broker dropped the
        /// connection after it again and again, so it will never be acknowledged.
        /// </summary>
        void OnAbandoned(int packetId);
    }
}
