namespace CellularIot.Modem
{
    /// <summary>The secure socket is closed: by the peer, by the modem (a failed send or read, a reboot), or locally.</summary>
    public class SocketClosedException : ModemException
    {
        /// <summary>Creates the error with why the socket closed.</summary>
        public SocketClosedException(string message)
            : base(message)
        {
        }
    }
}
