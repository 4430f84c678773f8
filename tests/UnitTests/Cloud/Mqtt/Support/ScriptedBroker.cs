namespace CellularIot.Tests.Cloud.Mqtt.Support
{
    using System;
    using System.Collections;
    using CellularIot.Net;
    using CellularIot.Tests.Support;

    /// <summary>
    /// An in-memory broker peer behind <see cref="ITransport"/>. The test scripts what the broker sends
    /// (<see cref="Send"/>); reads hand it over in random splits of 1 to <see cref="MaxChunk"/> bytes, so the
    /// client's framing is exercised at every boundary. A read with nothing to give moves the shared
    /// <see cref="ManualClock"/> on by its timeout, as a real wait would. Every write is recorded whole, with
    /// the clock time it happened at.
    /// </summary>
    public class ScriptedBroker : ITransport
    {
        private readonly ManualClock clock;
        private readonly Random random;
        private byte[] incoming = new byte[256];
        private int head;
        private int tail;
        private bool closedLocally;
        private bool closedByPeer;

        /// <summary>Creates a connected peer; <paramref name="seed"/> fixes the chunk splits.</summary>
        public ScriptedBroker(ManualClock clock, int seed)
        {
            this.clock = clock;
            random = new Random(seed);
            MaxChunk = 7;
        }

        /// <summary>Largest chunk one read returns.</summary>
        public int MaxChunk { get; set; }

        /// <summary>Each packet written, in order.</summary>
        public ArrayList Writes { get; } = new ArrayList();

        /// <summary>How many times the client wrote (a write may carry several packets, each in <see cref="Writes"/>).</summary>
        public int WriteCalls { get; private set; }

        /// <summary>The clock time of each write.</summary>
        public ArrayList WriteTimes { get; } = new ArrayList();

        /// <summary>When true, writes fail as on a dead connection.</summary>
        public bool FailWrites { get; set; }

        /// <summary>True once the client has called Close.</summary>
        public bool ClosedLocally
        {
            get { return closedLocally; }
        }

        /// <summary>Bytes scripted but not yet read.</summary>
        public int Unread
        {
            get { return tail - head; }
        }

        /// <inheritdoc/>
        public bool IsOpen
        {
            get { return !closedLocally && !closedByPeer; }
        }

        /// <summary>Queues bytes for the client to read.</summary>
        public void Send(byte[] bytes)
        {
            if (tail + bytes.Length > incoming.Length)
            {
                byte[] larger = new byte[(tail - head + bytes.Length) * 2];
                Array.Copy(incoming, head, larger, 0, tail - head);
                tail -= head;
                head = 0;
                incoming = larger;
            }

            Array.Copy(bytes, 0, incoming, tail, bytes.Length);
            tail += bytes.Length;
        }

        /// <summary>The broker ends the connection: once the queued bytes are read, reads fail.</summary>
        public void CloseFromPeer()
        {
            closedByPeer = true;
        }

        /// <summary>The bytes of write <paramref name="index"/>.</summary>
        public byte[] Written(int index)
        {
            return (byte[])Writes[index];
        }

        /// <summary>The bytes of the last write.</summary>
        public byte[] LastWritten()
        {
            return (byte[])Writes[Writes.Count - 1];
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (closedLocally)
            {
                throw new TransportClosedException("closed locally");
            }

            if (tail > head)
            {
                int n = 1 + random.Next(MaxChunk);
                n = n < count ? n : count;
                n = n < tail - head ? n : tail - head;
                Array.Copy(incoming, head, buffer, offset, n);
                head += n;
                return n;
            }

            if (closedByPeer)
            {
                throw new TransportClosedException("closed by the broker");
            }

            clock.Advance(timeoutMs);
            return 0;
        }

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count)
        {
            // After the peer's close a real socket still takes writes for a while; only a local close or a
            // scripted failure makes them fail at once.
            if (closedLocally || FailWrites)
            {
                throw new TransportClosedException("write on a closed connection");
            }

            WriteCalls++;

            // One entry per packet: a connection's first write carries CONNECT with the messages waiting and SUBSCRIBE.
            int end = offset + count;
            while (offset < end)
            {
                int length = PacketLength(buffer, offset, end);
                byte[] copy = new byte[length];
                Array.Copy(buffer, offset, copy, 0, length);
                Writes.Add(copy);
                WriteTimes.Add(clock.MonotonicMs);
                offset += length;
            }
        }

        // The length of the MQTT packet at offset (fixed header, remaining length, body), or what is left when it is cut short.
        private static int PacketLength(byte[] buffer, int offset, int end)
        {
            int at = offset + 1;
            int remaining = 0;
            int shift = 0;
            while (at < end && shift <= 21)
            {
                byte b = buffer[at++];
                remaining |= (b & 0x7F) << shift;
                shift += 7;
                if ((b & 0x80) == 0)
                {
                    int length = at - offset + remaining;
                    return length <= end - offset ? length : end - offset;
                }
            }

            return end - offset;
        }

        /// <inheritdoc/>
        public void Close()
        {
            closedLocally = true;
        }
    }
}
