namespace CellularIot.Cloud.Mqtt
{
    /// <summary>
    /// MQTT packet identifiers: 1..65535 in turn, wrapping back to 1 (0 is not a valid identifier), skipping
    /// those still in use by a QoS 1 message in flight or by the SUBSCRIBE awaiting its SUBACK.
    /// </summary>
    public sealed class PacketIdSequence
    {
        private const int Highest = 65535;

        private int last;

        /// <summary>The next free identifier.</summary>
        /// <param name="inFlight">The messages whose identifiers are still in use.</param>
        /// <param name="reserved">One more identifier in use (the pending SUBSCRIBE's), or 0.</param>
        public int Next(InFlightTable inFlight, int reserved)
        {
            do
            {
                last = last == Highest ? 1 : last + 1;
            }
            while (inFlight.Contains(last) || last == reserved);

            return last;
        }
    }
}
