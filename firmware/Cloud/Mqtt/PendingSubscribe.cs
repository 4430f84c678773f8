namespace CellularIot.Cloud.Mqtt
{
    /// <summary>
    /// The one SUBSCRIBE waiting for its SUBACK: its packet id (0 while none waits, so no PUBLISH takes that id
    /// meanwhile) and, once the SUBACK is in, the broker's return codes.
    /// </summary>
    internal sealed class PendingSubscribe
    {
        private int packetId;
        private SubscribeReturnCode[] codes;
        private bool answered;
        private long sentMs;

        /// <summary>The packet id of the SUBSCRIBE waiting, or 0.</summary>
        public int PacketId
        {
            get { return packetId; }
        }

        /// <summary>True once the last SUBSCRIBE begun got its SUBACK (it stays so after <see cref="End"/>).</summary>
        public bool Answered
        {
            get { return answered; }
        }

        /// <summary>A SUBSCRIBE of <paramref name="filterCount"/> filters goes out as packet <paramref name="id"/> at <paramref name="nowMs"/>.</summary>
        public void Begin(int id, int filterCount, long nowMs)
        {
            packetId = id;
            sentMs = nowMs;
            codes = new SubscribeReturnCode[filterCount];
            answered = false;
        }

        /// <summary>True when a SUBSCRIBE waits and its SUBACK is <paramref name="timeoutMs"/> late at <paramref name="nowMs"/>.</summary>
        public bool IsOverdue(long nowMs, int timeoutMs)
        {
            return packetId != 0 && !answered && nowMs - sentMs >= timeoutMs;
        }

        /// <summary>Nothing waits any more.</summary>
        public void End()
        {
            packetId = 0;
        }

        /// <summary>Reads a SUBACK's body; true when it answers the waiting SUBSCRIBE (otherwise it is only checked).</summary>
        /// <exception cref="MqttException">The SUBACK is malformed.</exception>
        public bool Take(byte[] body, int length, out int ackedId)
        {
            ackedId = length >= 2 ? (body[0] << 8) | body[1] : 0;
            if (ackedId != 0 && ackedId == packetId)
            {
                PacketDecoder.ReadSuback(body, length, codes);
                answered = true;
                return true;
            }

            PacketDecoder.ReadSuback(body, length, null);
            return false;
        }

        /// <summary>The result for the SUBSCRIBE sent as <paramref name="id"/>.</summary>
        public SubscribeResult Result(int id)
        {
            return new SubscribeResult(id, codes);
        }
    }
}
