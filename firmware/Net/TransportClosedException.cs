namespace CellularIot.Net
{
    using System;

    /// <summary>The connection under a protocol ended: closed by the peer, by the modem, or locally.</summary>
    public class TransportClosedException : Exception
    {
        /// <summary>Creates the error with why the connection ended.</summary>
        public TransportClosedException(string message)
            : base(message)
        {
        }
    }
}
