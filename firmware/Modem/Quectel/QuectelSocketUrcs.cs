namespace CellularIot.Modem.Quectel
{
    using System;
    using CellularIot.At;

    /// <summary>
    /// Routes the SSL socket URCs to the socket they name (SSL application note, "+QSSLURC"): <c>"recv",&lt;id&gt;</c>
    /// (data waits for AT+QSSLRECV, in buffer access mode) and <c>"closed",&lt;id&gt;</c> (closed by the peer or the
    /// network; what was received can still be read, and AT+QSSLCLOSE frees the id).
    /// </summary>
    internal sealed class QuectelSocketUrcs : IDisposable
    {
        private const string Urc = "+QSSLURC: ";

        private readonly AtChannel channel;
        private readonly QuectelSocketTable sockets;

        public QuectelSocketUrcs(AtChannel channel, QuectelSocketTable sockets)
        {
            this.channel = channel;
            this.sockets = sockets;
            channel.Register(Urc, OnUrc);
        }

        /// <summary>Stops listening to the socket URCs.</summary>
        public void Dispose()
        {
            channel.Unregister(Urc);
        }

        private void OnUrc(AtLine line)
        {
            int id;
            QuectelSocket socket = line.TryGetInt(1, out id) ? sockets.Find(id) : null;
            if (socket == null)
            {
                return;
            }

            string kind = line.GetField(0);
            if (kind == "recv")
            {
                socket.OnDataIndicated();
            }
            else if (kind == "closed")
            {
                socket.MarkClosed("closed by the peer or the network (+QSSLURC \"closed\")");
            }
        }
    }
}
