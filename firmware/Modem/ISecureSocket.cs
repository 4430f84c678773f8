namespace CellularIot.Modem
{
    using System;

    /// <summary>
    /// A TLS connection that the modem runs; bytes in and out are plaintext. Send and Receive may run on
    /// different threads, but two Sends (or two Receives) must not run at once.
    /// </summary>
    public interface ISecureSocket
    {
        /// <summary>The modem's connection id.</summary>
        int Id { get; }

        /// <summary>True once the peer, the modem or <see cref="Close"/> ended the connection.</summary>
        bool IsClosed { get; }

        /// <summary>
        /// Raised once when the connection ends, with the socket as sender. When the modem reports it, this runs on the AT layer's URC
        /// thread: note it and return; do not call the modem from the handler.
        /// </summary>
        event EventHandler Closed;

        /// <summary>Sends all <paramref name="count"/> bytes, in pieces no larger than the modem's maximum.</summary>
        /// <exception cref="SocketClosedException">The connection is closed or the send failed (which closes it).</exception>
        void Send(byte[] buffer, int offset, int count);

        /// <summary>
        /// Reads what is available, waiting at most <paramref name="timeoutMs"/> milliseconds for data. Returns the
        /// count read, or 0 when the time ran out; data that arrived before the peer closed is still returned.
        /// </summary>
        /// <exception cref="SocketClosedException">The connection is closed and nothing is left to read.</exception>
        int Receive(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Ends the connection. Safe to call twice.</summary>
        void Close();
    }
}
