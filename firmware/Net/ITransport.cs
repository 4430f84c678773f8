namespace CellularIot.Net
{
    /// <summary>
    /// A connected, ordered byte stream to one server: on the device the modem's TLS socket, on the PC
    /// optionally a loopback TLS connection. HTTP, WebSocket and MQTT are written against this alone.
    /// </summary>
    public interface ITransport
    {
        /// <summary>False once the peer, the modem or <see cref="Close"/> has ended the connection.</summary>
        bool IsOpen { get; }

        /// <summary>
        /// Reads what is available, waiting at most <paramref name="timeoutMs"/> milliseconds for the first
        /// byte. Returns the count read, or 0 when the time ran out.
        /// </summary>
        /// <exception cref="TransportClosedException">The connection is closed and nothing is left to read.</exception>
        int Read(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Sends all <paramref name="count"/> bytes.</summary>
        /// <exception cref="TransportClosedException">The connection is closed.</exception>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Ends the connection; further reads and writes fail. Safe to call twice.</summary>
        void Close();
    }
}
