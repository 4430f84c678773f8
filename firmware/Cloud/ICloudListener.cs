namespace CellularIot.Cloud
{
    using CellularIot.Cloud.Session;

    /// <summary>
    /// What the application hears from its cloud link. Calls come on the thread that runs
    /// <see cref="ICloudLink.RunOnce"/>, so a handler may publish.
    /// </summary>
    public interface ICloudListener
    {
        /// <summary>The link moved to <paramref name="state"/>; <paramref name="detail"/> says why.</summary>
        void OnStateChanged(SessionState state, string detail);

        /// <summary>A message arrived on a subscribed topic; valid only during the call.</summary>
        void OnMessage(ICloudMessage message);

        /// <summary>The cloud acknowledged the publish that returned <paramref name="deliveryId"/>.</summary>
        void OnDelivered(int deliveryId);

        /// <summary>
        /// The publish that returned <paramref name="deliveryId"/> was set aside: the cloud refused it again and
        /// again, so it will never be acknowledged.
        /// </summary>
        void OnAbandoned(int deliveryId);
    }
}
