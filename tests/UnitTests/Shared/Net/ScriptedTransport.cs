namespace CellularIot.Tests.Net.Support
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Net;
    using CellularIot.Tests.Support;

    /// <summary>
    /// An in-memory <see cref="ITransport"/> that plays back canned server bytes, in chunks of random size
    /// when asked, and records what the client writes. When the bytes run out the peer either closes or goes
    /// silent; silence advances the <see cref="ManualClock"/> by each read's timeout, so timeouts happen at once.
    /// </summary>
    public class ScriptedTransport : ITransport
    {
        private readonly ManualClock clock;
        private byte[] incoming = new byte[0];
        private int readAt;
        private byte[] written = new byte[0];
        private Random splitter;
        private int maxChunk;
        private bool closed;
        private bool peerClosed;

        /// <summary>Creates a transport whose silence advances <paramref name="clock"/>.</summary>
        public ScriptedTransport(ManualClock clock)
        {
            this.clock = clock;
            CloseWhenDrained = true;
        }

        /// <summary>True (the default): once every byte is read the peer closes; false: it goes silent.</summary>
        public bool CloseWhenDrained { get; set; }

        /// <summary>Milliseconds each read that returns data takes on the clock (default 0).</summary>
        public int DelayPerReadMs { get; set; }

        /// <summary>True once <see cref="Close"/> was called.</summary>
        public bool ClosedLocally
        {
            get { return closed; }
        }

        /// <summary>Bytes not yet read by the client.</summary>
        public int Unread
        {
            get { return incoming.Length - readAt; }
        }

        /// <summary>False once closed locally or once a read found the peer gone.</summary>
        public bool IsOpen
        {
            get { return !closed && !peerClosed; }
        }

        /// <summary>Everything the client wrote.</summary>
        public byte[] Written
        {
            get { return written; }
        }

        /// <summary>Everything the client wrote, as text (bytes above 0x7F become '?').</summary>
        public string WrittenText
        {
            get
            {
                char[] chars = new char[written.Length];
                for (int i = 0; i < written.Length; i++)
                {
                    chars[i] = written[i] < 0x80 ? (char)written[i] : '?';
                }

                return new string(chars);
            }
        }

        /// <summary>Queues bytes for the client to read.</summary>
        public void Feed(byte[] bytes)
        {
            incoming = Append(incoming, bytes, 0, bytes.Length);
        }

        /// <summary>Queues the UTF-8 bytes of <paramref name="text"/>.</summary>
        public void Feed(string text)
        {
            Feed(Utf8.GetBytes(text));
        }

        /// <summary>From now on every read returns between 1 and <paramref name="maxChunkBytes"/> bytes, chosen by a generator seeded with <paramref name="seed"/>.</summary>
        public void SplitRandomly(int seed, int maxChunkBytes)
        {
            splitter = new Random(seed);
            maxChunk = maxChunkBytes;
        }

        /// <summary>Forgets what was written so far.</summary>
        public void ClearWritten()
        {
            written = new byte[0];
        }

        /// <inheritdoc/>
        public int Read(byte[] buffer, int offset, int count, int timeoutMs)
        {
            if (closed)
            {
                throw new TransportClosedException("closed locally");
            }

            if (Unread == 0)
            {
                if (CloseWhenDrained)
                {
                    peerClosed = true;
                    throw new TransportClosedException("peer closed");
                }

                clock.Advance(timeoutMs);
                return 0;
            }

            int n = count < Unread ? count : Unread;
            if (splitter != null)
            {
                int chunk = 1 + splitter.Next(maxChunk);
                n = n < chunk ? n : chunk;
            }

            Array.Copy(incoming, readAt, buffer, offset, n);
            readAt += n;
            clock.Advance(DelayPerReadMs);
            return n;
        }

        /// <inheritdoc/>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (closed)
            {
                throw new TransportClosedException("closed locally");
            }

            written = Append(written, buffer, offset, count);
        }

        /// <inheritdoc/>
        public void Close()
        {
            closed = true;
        }

        private static byte[] Append(byte[] first, byte[] more, int offset, int count)
        {
            byte[] joined = new byte[first.Length + count];
            Array.Copy(first, 0, joined, 0, first.Length);
            Array.Copy(more, offset, joined, first.Length, count);
            return joined;
        }
    }
}
