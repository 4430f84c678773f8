namespace CellularIot.Net
{
    using CellularIot.Modem;

    /// <summary>
    /// The modem's TLS socket as a transport, so that HTTP, WebSocket and MQTT run over it unchanged. One
    /// reader and one writer may use it at once, and <see cref="Close"/> from another thread wakes a blocked
    /// <see cref="Read"/>, as the MQTT client needs.
    /// </summary>
    public class ModemTransport : ITransport
    {
        private readonly ISecureSocket socket;

        /// <summary>Wraps an open socket; closing the transport closes the socket.</summary>
        public ModemTransport(ISecureSocket socket)
        {
            this.socket = socket;
        }

        /// <inheritdoc/>
        public bool IsOpen
        {
            get { return !socket.IsClosed; }
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            try
            {
                return socket.Receive(buffer, offset, count, timeoutMs);
            }
            catch (SocketClosedException ex)
            {
                throw new TransportClosedException(ex.Message);
            }
        }

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                socket.Send(buffer, offset, count);
            }
            catch (SocketClosedException ex)
            {
                throw new TransportClosedException(ex.Message);
            }
        }

        /// <inheritdoc/>
        public void Close()
        {
            socket.Close();
        }
    }
}
