namespace CellularIot.At
{
    using System;

    /// <summary>
    /// A fixed ring of URC lines waiting for the dispatcher, each with its handler. Its slots are allocated once;
    /// when handlers fall behind, new URCs are dropped and counted rather than buffered without limit.
    /// Not thread-safe: the receiver's lock guards it.
    /// </summary>
    internal sealed class UrcQueue
    {
        private readonly byte[][] lines;
        private readonly int[] lengths;
        private readonly UrcHandler[] handlers;
        private int head;
        private int count;

        public UrcQueue(int depth, int lineCapacity)
        {
            if (depth < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(depth), "the queue needs at least one slot");
            }

            lines = new byte[depth][];
            for (int i = 0; i < depth; i++)
            {
                lines[i] = new byte[lineCapacity];
            }

            lengths = new int[depth];
            handlers = new UrcHandler[depth];
        }

        /// <summary>URCs dropped because the queue was full.</summary>
        public int Dropped { get; private set; }

        /// <summary>Lines waiting.</summary>
        public int Count
        {
            get { return count; }
        }

        /// <summary>Copies the line in; false (and counted) when full.</summary>
        public bool Enqueue(byte[] line, int length, UrcHandler handler)
        {
            if (count == lines.Length)
            {
                Dropped++;
                return false;
            }

            int slot = (head + count) % lines.Length;
            Array.Copy(line, 0, lines[slot], 0, length);
            lengths[slot] = length;
            handlers[slot] = handler;
            count++;
            return true;
        }

        /// <summary>Moves the oldest line into <paramref name="into"/> and returns its handler, or null when empty.</summary>
        public UrcHandler Dequeue(AtLine into)
        {
            if (count == 0)
            {
                return null;
            }

            UrcHandler handler = handlers[head];
            into.Load(lines[head], lengths[head]);
            handlers[head] = null;
            head = (head + 1) % lines.Length;
            count--;
            return handler;
        }
    }
}
