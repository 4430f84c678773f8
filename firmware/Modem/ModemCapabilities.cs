namespace CellularIot.Modem
{
    /// <summary>What a modem's secure sockets can do, so that the layers above choose how to connect.</summary>
    public sealed class ModemCapabilities
    {
        /// <summary>Creates the record.</summary>
        public ModemCapabilities(bool supportsTls, bool supportsSni, bool supportsAlpn, int maxSendChunk, int socketCount)
        {
            SupportsTls = supportsTls;
            SupportsSni = supportsSni;
            SupportsAlpn = supportsAlpn;
            MaxSendChunk = maxSendChunk;
            SocketCount = socketCount;
        }

        /// <summary>The modem runs TLS itself.</summary>
        public bool SupportsTls { get; private set; }

        /// <summary>The modem sends a server name (SNI) of our choosing.</summary>
        public bool SupportsSni { get; private set; }

        /// <summary>The modem sends an ALPN protocol of our choosing (set and read back to confirm).</summary>
        public bool SupportsAlpn { get; private set; }

        /// <summary>Most bytes one send command carries.</summary>
        public int MaxSendChunk { get; private set; }

        /// <summary>How many sockets the modem holds at once.</summary>
        public int SocketCount { get; private set; }
    }
}
