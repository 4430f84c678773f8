namespace CellularIot.Net.WebSockets
{
    /// <summary>
    /// The WebSocket connection failed or ended: the upgrade was refused or malformed, the server broke the
    /// protocol, or it closed the connection. It is a <see cref="TransportClosedException"/> because the
    /// connection is gone in every case, so a protocol running over the WebSocket handles it like any close.
    /// </summary>
    public class WebSocketException : TransportClosedException
    {
        private readonly int closeStatus;
        private readonly int handshakeStatus;

        /// <summary>
        /// Creates the error. <paramref name="closeStatus"/> is the close code sent or received (0 when
        /// none); <paramref name="handshakeStatus"/> the HTTP status of a refused upgrade (0 when none).
        /// </summary>
        public WebSocketException(string message, int closeStatus, int handshakeStatus)
            : base("WebSocket: " + message)
        {
            this.closeStatus = closeStatus;
            this.handshakeStatus = handshakeStatus;
        }

        /// <summary>The close code (see <see cref="WebSocketCloseStatus"/>), or 0.</summary>
        public int CloseStatus
        {
            get { return closeStatus; }
        }

        /// <summary>The HTTP status of a refused upgrade (401 or 403 means the credentials were refused), or 0.</summary>
        public int HandshakeStatus
        {
            get { return handshakeStatus; }
        }
    }
}
