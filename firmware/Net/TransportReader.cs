namespace CellularIot.Net
{
    using System;

    /// <summary>
    /// A fixed read buffer in front of an <see cref="ITransport"/>. Line-based protocol parts (HTTP heads,
    /// chunk sizes) must look ahead for a line end, and the bytes read past a head belong to whatever follows
    /// it (a body, WebSocket frames): the buffer keeps them for the next reader instead of losing them.
    /// Its size is fixed at creation, so a peer can never make it grow. Not thread-safe: one reader at a time.
    /// </summary>
    public class TransportReader
    {
        private readonly ITransport transport;
        private readonly byte[] buffer;
        private int start;
        private int end;

        /// <summary>Creates a reader over <paramref name="transport"/> that buffers at most <paramref name="capacity"/> bytes.</summary>
        public TransportReader(ITransport transport, int capacity)
        {
            if (transport == null)
            {
                throw new ArgumentNullException(nameof(transport));
            }

            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must be positive");
            }

            this.transport = transport;
            buffer = new byte[capacity];
        }

        /// <summary>Most bytes the buffer holds.</summary>
        public int Capacity
        {
            get { return buffer.Length; }
        }

        /// <summary>Bytes read from the transport and not yet consumed.</summary>
        public int Available
        {
            get { return end - start; }
        }

        /// <summary>Position of the first <paramref name="value"/> among the buffered bytes, or -1.</summary>
        public int IndexOf(byte value)
        {
            for (int i = start; i < end; i++)
            {
                if (buffer[i] == value)
                {
                    return i - start;
                }
            }

            return -1;
        }

        /// <summary>Moves up to <paramref name="count"/> buffered bytes out; returns how many.</summary>
        public int Take(byte[] destination, int offset, int count)
        {
            int taken = count < Available ? count : Available;
            Array.Copy(buffer, start, destination, offset, taken);
            Consume(taken);
            return taken;
        }

        /// <summary>
        /// Reads more from the transport into the buffer, waiting at most <paramref name="timeoutMs"/> for the
        /// first byte. Returns the count added, 0 when the time ran out.
        /// </summary>
        /// <exception cref="InvalidOperationException">The buffer is full: the caller's limits must stay below <see cref="Capacity"/>.</exception>
        /// <exception cref="TransportClosedException">The connection is closed and nothing is left to read.</exception>
        public int Fill(int timeoutMs)
        {
            if (start > 0)
            {
                Array.Copy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                throw new InvalidOperationException("read buffer full");
            }

            int read = transport.Read(buffer, end, buffer.Length - end, timeoutMs);
            end += read;
            return read;
        }

        /// <summary>
        /// Reads like <see cref="ITransport.Read"/>: buffered bytes first, otherwise straight from the
        /// transport into <paramref name="destination"/>. Returns 0 when the time ran out.
        /// </summary>
        /// <exception cref="TransportClosedException">The connection is closed and nothing is left to read.</exception>
        public int Read(byte[] destination, int offset, int count, int timeoutMs)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (offset < 0 || count < 0 || offset > destination.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "range outside the array");
            }

            if (Available > 0)
            {
                return Take(destination, offset, count);
            }

            return count == 0 ? 0 : transport.Read(destination, offset, count, timeoutMs);
        }

        private void Consume(int count)
        {
            start += count;
            if (start == end)
            {
                start = 0;
                end = 0;
            }
        }
    }
}
