namespace CellularIot.Modem
{
    /// <summary>AT+CSQ's received signal strength and bit error rate.</summary>
    public sealed class SignalQuality
    {
        /// <summary>Creates the record from AT+CSQ's two numbers.</summary>
        public SignalQuality(int rssi, int bitErrorRate)
        {
            Rssi = rssi;
            BitErrorRate = bitErrorRate;
        }

        /// <summary>0..31, or 99 when unknown.</summary>
        public int Rssi { get; private set; }

        /// <summary>0..7, or 99 when unknown.</summary>
        public int BitErrorRate { get; private set; }

        /// <summary>True when <see cref="Rssi"/> holds a measurement.</summary>
        public bool IsKnown
        {
            get { return Rssi >= 0 && Rssi <= 31; }
        }

        /// <summary>The strength in dBm (-113 for 0 up to -51 for 31); 0 when unknown.</summary>
        public int Dbm
        {
            get { return IsKnown ? -113 + (2 * Rssi) : 0; }
        }
    }
}
