namespace CellularIot.At
{
    /// <summary>
    /// The raw byte pipe to the modem: a UART on the board, a pty or an in-memory pipe on the PC. The AT
    /// layer is its only reader, so implementations need not be safe for concurrent reads.
    /// </summary>
    public interface IByteLink
    {
        /// <summary>
        /// Reads what is available, waiting at most <paramref name="timeoutMs"/> milliseconds for the first
        /// byte. Returns the count read, 0 when the time ran out with nothing to read.
        /// </summary>
        int Read(byte[] buffer, int offset, int count, int timeoutMs);

        /// <summary>Writes all <paramref name="count"/> bytes.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
