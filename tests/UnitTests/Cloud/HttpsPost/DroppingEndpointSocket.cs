namespace CellularIot.Tests.Cloud.HttpsPost
{
    using CellularIot.Tests.Cloud.Session.Support;
    using CellularIot.Tests.Support;

    /// <summary>An endpoint that closes the connection as soon as a request starts to arrive, answering nothing.</summary>
    public sealed class DroppingEndpointSocket : ServerSocket
    {
        public DroppingEndpointSocket(ManualClock clock)
            : base(clock)
        {
        }

        /// <summary>Requests that began to arrive.</summary>
        public int Requests { get; private set; }

        protected override void OnReceived(byte[] buffer, int offset, int count)
        {
            if (!IsClosed)
            {
                Requests++;
                CloseFromPeer();
            }
        }
    }
}
