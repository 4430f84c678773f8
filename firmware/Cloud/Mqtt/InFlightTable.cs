namespace CellularIot.Cloud.Mqtt
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// The unacknowledged QoS 1 messages: a fixed number of slots allocated once, each holding one whole
    /// encoded PUBLISH (so a copy of its topic and payload). A slot stays until its PUBACK arrives; after a
    /// reconnect every slot is sent again, oldest first, with DUP set. Each slot also counts the connection
    /// drops that came right after it was sent, which is how a message the broker keeps refusing is found
    /// and set aside. Not thread-safe: <see cref="MqttClient"/> serialises access.
    /// </summary>
    public class InFlightTable
    {
        private readonly byte[][] packets;
        private readonly int[] lengths;
        private readonly int[] packetIds;
        private readonly long[] order;
        private readonly int[] sentOn;
        private readonly long[] sentAtMs;
        private readonly int[] drops;
        private long nextOrder = 1;
        private int count;

        /// <summary>Creates <paramref name="capacity"/> slots of <paramref name="slotBytes"/> bytes each.</summary>
        public InFlightTable(int capacity, int slotBytes)
        {
            if (capacity < 1 || capacity > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "the in-flight capacity is 1..65535");
            }

            if (slotBytes < 8)
            {
                throw new ArgumentOutOfRangeException(nameof(slotBytes), "a slot holds at least a small PUBLISH");
            }

            packets = new byte[capacity][];
            for (int i = 0; i < capacity; i++)
            {
                packets[i] = new byte[slotBytes];
            }

            lengths = new int[capacity];
            packetIds = new int[capacity];
            order = new long[capacity];
            sentOn = new int[capacity];
            sentAtMs = new long[capacity];
            drops = new int[capacity];
        }

        /// <summary>Number of slots.</summary>
        public int Capacity
        {
            get { return packets.Length; }
        }

        /// <summary>Bytes per slot: the largest QoS 1 PUBLISH that can be held.</summary>
        public int SlotBytes
        {
            get { return packets[0].Length; }
        }

        /// <summary>Slots in use.</summary>
        public int Count
        {
            get { return count; }
        }

        /// <summary>A free slot to encode into, or -1 when all are in use. It stays free until <see cref="Commit"/>.</summary>
        public int FindFree()
        {
            for (int i = 0; i < packetIds.Length; i++)
            {
                if (packetIds[i] == 0)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The slot's packet buffer.</summary>
        public byte[] Packet(int slot)
        {
            return packets[slot];
        }

        /// <summary>Length of the packet in the slot.</summary>
        public int Length(int slot)
        {
            return lengths[slot];
        }

        /// <summary>Packet identifier of the slot's message, 0 for a free slot.</summary>
        public int PacketId(int slot)
        {
            return packetIds[slot];
        }

        /// <summary>Drops counted against the slot's message.</summary>
        public int Drops(int slot)
        {
            return drops[slot];
        }

        /// <summary>Takes the slot for the PUBLISH just encoded into it, as the newest message.</summary>
        public void Commit(int slot, int packetId, int length)
        {
            if (packetId < 1 || packetId > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(packetId), "a packet identifier is 1..65535");
            }

            if (packetIds[slot] != 0)
            {
                throw new InvalidOperationException("slot " + slot + " is in use");
            }

            packetIds[slot] = packetId;
            lengths[slot] = length;
            order[slot] = nextOrder++;
            sentOn[slot] = 0;
            sentAtMs[slot] = 0;
            drops[slot] = 0;
            count++;
        }

        /// <summary>The connection the slot's packet was last written on; 0 while it was never written.</summary>
        public int SentOn(int slot)
        {
            return sentOn[slot];
        }

        /// <summary>Records that the slot's packet was written on connection <paramref name="connection"/> at <paramref name="nowMs"/>.</summary>
        public void MarkSent(int slot, int connection, long nowMs)
        {
            sentOn[slot] = connection;
            sentAtMs[slot] = nowMs;
        }

        /// <summary>True when a message with <paramref name="packetId"/> is held.</summary>
        public bool Contains(int packetId)
        {
            return SlotOf(packetId) >= 0;
        }

        /// <summary>Frees the slot of <paramref name="packetId"/>; false when no such message is held.</summary>
        public bool Acknowledge(int packetId)
        {
            int slot = SlotOf(packetId);
            if (slot < 0)
            {
                return false;
            }

            Free(slot);
            return true;
        }

        /// <summary>Frees a slot.</summary>
        public void Free(int slot)
        {
            if (packetIds[slot] != 0)
            {
                packetIds[slot] = 0;
                count--;
            }
        }

        /// <summary>The oldest held slot, or -1 when none is held.</summary>
        public int First()
        {
            return After(0);
        }

        /// <summary>The held slot that came next after <paramref name="slot"/>, or -1.</summary>
        public int Next(int slot)
        {
            return After(order[slot]);
        }

        /// <summary>
        /// Counts a connection drop against the message most likely to have caused it, and returns its slot
        /// (or -1). A broker that refuses a PUBLISH closes the connection when it reaches it, and it handles a
        /// connection's packets in order, having acknowledged the earlier ones: so the suspect is the oldest
        /// message still unacknowledged that was sent on the connection that dropped, within
        /// <paramref name="windowMs"/> of the drop. Older sends mean the drop came later and was not "right
        /// after" anything.
        /// </summary>
        public int CountDrop(int connection, long nowMs, long windowMs)
        {
            int suspect = -1;
            for (int i = 0; i < packetIds.Length; i++)
            {
                if (packetIds[i] != 0 && sentOn[i] == connection && nowMs - sentAtMs[i] <= windowMs
                    && (suspect < 0 || order[i] < order[suspect]))
                {
                    suspect = i;
                }
            }

            if (suspect >= 0)
            {
                drops[suspect]++;
            }

            return suspect;
        }

        /// <summary>The topic of the slot's PUBLISH (allocates; for reports).</summary>
        public string Topic(int slot)
        {
            byte[] packet = packets[slot];
            int at = BodyOffset(packet);
            int topicLength = (packet[at] << 8) | packet[at + 1];
            return Utf8.Decode(packet, at + 2, topicLength);
        }

        /// <summary>A copy of the slot's payload (allocates; for reports).</summary>
        public byte[] CopyPayload(int slot)
        {
            byte[] packet = packets[slot];
            int at = BodyOffset(packet);
            int payloadOffset = at + 2 + ((packet[at] << 8) | packet[at + 1]) + 2;
            byte[] payload = new byte[lengths[slot] - payloadOffset];
            Array.Copy(packet, payloadOffset, payload, 0, payload.Length);
            return payload;
        }

        private int SlotOf(int packetId)
        {
            if (packetId == 0)
            {
                return -1;
            }

            for (int i = 0; i < packetIds.Length; i++)
            {
                if (packetIds[i] == packetId)
                {
                    return i;
                }
            }

            return -1;
        }

        private int After(long previousOrder)
        {
            int best = -1;
            for (int i = 0; i < packetIds.Length; i++)
            {
                if (packetIds[i] != 0 && order[i] > previousOrder && (best < 0 || order[i] < order[best]))
                {
                    best = i;
                }
            }

            return best;
        }

        // Skips the first byte and the remaining length (1 to 4 bytes, the last without the top bit).
        private static int BodyOffset(byte[] packet)
        {
            int at = 1;
            while ((packet[at] & 0x80) != 0)
            {
                at++;
            }

            return at + 1;
        }
    }
}
