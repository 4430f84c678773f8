namespace CellularIot.Modem
{
    using CellularIot.Support;

    /// <summary>
    /// What a driver learned of its module at the latest bring-up: the identity (the ICCID; IMEI and revision are not
    /// read on the way to the first message) and the capabilities, ALPN among them. ALPN is checked once per start of
    /// the driver: the module's firmware does not change while it runs.
    /// </summary>
    internal sealed class ModemFacts
    {
        private readonly object sync = new object();
        private readonly int maxSendChunk;
        private readonly int socketCount;
        private ModemIdentity identity;
        private ModemCapabilities capabilities;
        private bool alpnChecked;

        /// <summary>Facts of a module not brought up yet: no identity, TLS and SNI but no ALPN.</summary>
        public ModemFacts(int maxSendChunk, int socketCount)
        {
            this.maxSendChunk = maxSendChunk;
            this.socketCount = socketCount;
            capabilities = new ModemCapabilities(true, true, false, maxSendChunk, socketCount);
        }

        /// <summary>The identity read at the latest bring-up, or null before one.</summary>
        public ModemIdentity Identity
        {
            get
            {
                lock (sync)
                {
                    return identity;
                }
            }
        }

        /// <summary>What the module can do, as the latest bring-up found.</summary>
        public ModemCapabilities Capabilities
        {
            get
            {
                lock (sync)
                {
                    return capabilities;
                }
            }
        }

        /// <summary>Whether a bring-up since the driver started has checked ALPN already (its answer is in <see cref="Capabilities"/>).</summary>
        public bool AlpnChecked
        {
            get
            {
                lock (sync)
                {
                    return alpnChecked;
                }
            }
        }

        /// <summary>Records a bring-up that read <paramref name="iccid"/> and found ALPN <paramref name="alpnConfirmed"/>, and logs it.</summary>
        public void Up(string iccid, bool alpnConfirmed, bool kept, ILog log)
        {
            lock (sync)
            {
                alpnChecked = true;
                identity = new ModemIdentity(iccid, null, null);
                capabilities = new ModemCapabilities(true, true, alpnConfirmed, maxSendChunk, socketCount);
            }

            log.Info("modem up: ICCID " + iccid + ", ALPN " + (alpnConfirmed ? "confirmed" : "unsupported") + (kept ? ", settings kept from an earlier start" : string.Empty));
        }
    }
}
