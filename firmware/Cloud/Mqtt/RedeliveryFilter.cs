namespace CellularIot.Cloud.Mqtt
{
    using System;

    /// <summary>
    /// Spots QoS 1 messages the broker delivers twice. A PUBACK lost in a connection drop makes the broker
    /// send the message again, and AWS IoT Core may resend it after a reconnect under a new packet
    /// identifier, so the identifier cannot tell a redelivery apart. Instead each received message leaves a
    /// fingerprint: FNV-1a hashes of its topic and of its payload, the payload length, the connection it came
    /// on and when. The history is a small ring (<see cref="MqttSettings.RedeliveryHistory"/> entries, and
    /// entries expire after <see cref="MqttSettings.RedeliveryWindowMs"/>), because only the few messages
    /// around a drop can come back.
    /// A matching fingerprint counts as a redelivery only when the message is marked DUP or the earlier copy
    /// came on an earlier connection: a broker resends within a connection only with DUP, so two identical
    /// fresh messages on one connection (the same command sent twice on purpose) both get through. What is
    /// given up: an identical message sent on purpose right after a reconnect, within the window, is taken
    /// for a redelivery; senders that need that should put a sequence number or timestamp in the payload.
    /// Allocation-free; not thread-safe (the client's receive side owns it).
    /// </summary>
    public class RedeliveryFilter
    {
        private const uint FnvOffset = 2166136261;
        private const uint FnvPrime = 16777619;

        private readonly uint[] topicHashes;
        private readonly uint[] payloadHashes;
        private readonly int[] payloadLengths;
        private readonly int[] connections;
        private readonly long[] seenAtMs;
        private readonly long windowMs;
        private int next;

        /// <summary>Creates a history of <paramref name="capacity"/> fingerprints that expire after <paramref name="windowMs"/>.</summary>
        public RedeliveryFilter(int capacity, long windowMs)
        {
            if (capacity < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "the history holds at least one message");
            }

            if (windowMs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(windowMs), "the window is not negative");
            }

            topicHashes = new uint[capacity];
            payloadHashes = new uint[capacity];
            payloadLengths = new int[capacity];
            connections = new int[capacity];
            seenAtMs = new long[capacity];
            this.windowMs = windowMs;
        }

        /// <summary>
        /// True when <paramref name="message"/> is a redelivery of one seen before; otherwise remembers it and
        /// returns false.
        /// </summary>
        public bool IsRedelivery(MqttMessage message, int connection, long nowMs)
        {
            uint topicHash = Hash(message.Buffer, message.TopicOffset, message.TopicLength);
            uint payloadHash = Hash(message.Buffer, message.PayloadOffset, message.PayloadLength);
            for (int i = 0; i < connections.Length; i++)
            {
                // Connection numbers start at 1, so 0 marks an unused entry.
                if (connections[i] != 0 && nowMs - seenAtMs[i] <= windowMs
                    && topicHashes[i] == topicHash && payloadHashes[i] == payloadHash && payloadLengths[i] == message.PayloadLength
                    && (message.Dup || connections[i] != connection))
                {
                    // Refresh the entry: a message redelivered twice is still within reach.
                    seenAtMs[i] = nowMs;
                    connections[i] = connection;
                    return true;
                }
            }

            topicHashes[next] = topicHash;
            payloadHashes[next] = payloadHash;
            payloadLengths[next] = message.PayloadLength;
            connections[next] = connection;
            seenAtMs[next] = nowMs;
            next = (next + 1) % connections.Length;
            return false;
        }

        /// <summary>Forgets every fingerprint.</summary>
        public void Clear()
        {
            for (int i = 0; i < connections.Length; i++)
            {
                connections[i] = 0;
            }
        }

        private static uint Hash(byte[] data, int offset, int count)
        {
            uint hash = FnvOffset;
            for (int i = offset; i < offset + count; i++)
            {
                hash = unchecked((hash ^ data[i]) * FnvPrime);
            }

            return hash;
        }
    }
}
