namespace CellularIot.Tests.Support
{
    using System;

    /// <summary>
    /// A fixed-capacity first-in first-out byte queue. Its storage is allocated once, so a reader fed by a
    /// modem that floods it can lose bytes (the writer is told how many fitted) but can never grow memory.
    /// Not thread-safe: the owner serialises access.
    /// </summary>
    public class ByteRing
    {
        private readonly byte[] storage;
        private int head;
        private int count;

        /// <summary>Creates an empty ring that holds at most <paramref name="capacity"/> bytes.</summary>
        public ByteRing(int capacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must be positive");
            }

            storage = new byte[capacity];
        }

        /// <summary>Most bytes the ring holds.</summary>
        public int Capacity
        {
            get { return storage.Length; }
        }

        /// <summary>Bytes waiting to be read.</summary>
        public int Count
        {
            get { return count; }
        }

        /// <summary>Room left for writing.</summary>
        public int Free
        {
            get { return storage.Length - count; }
        }

        /// <summary>Appends as many bytes as fit and returns how many that was.</summary>
        public int Write(byte[] source, int offset, int length)
        {
            CheckRange(source, offset, length);
            int accepted = length < Free ? length : Free;
            int tail = (head + count) % storage.Length;
            int firstPart = storage.Length - tail;
            if (firstPart > accepted)
            {
                firstPart = accepted;
            }

            Array.Copy(source, offset, storage, tail, firstPart);
            Array.Copy(source, offset + firstPart, storage, 0, accepted - firstPart);
            count += accepted;
            return accepted;
        }

        /// <summary>Appends one byte; false when the ring is full.</summary>
        public bool WriteByte(byte value)
        {
            if (count == storage.Length)
            {
                return false;
            }

            storage[(head + count) % storage.Length] = value;
            count++;
            return true;
        }

        /// <summary>Copies up to <paramref name="length"/> bytes out without removing them; returns how many.</summary>
        public int Peek(byte[] destination, int offset, int length)
        {
            CheckRange(destination, offset, length);
            int taken = length < count ? length : count;
            int firstPart = storage.Length - head;
            if (firstPart > taken)
            {
                firstPart = taken;
            }

            Array.Copy(storage, head, destination, offset, firstPart);
            Array.Copy(storage, 0, destination, offset + firstPart, taken - firstPart);
            return taken;
        }

        /// <summary>Removes and copies out up to <paramref name="length"/> bytes; returns how many.</summary>
        public int Read(byte[] destination, int offset, int length)
        {
            int taken = Peek(destination, offset, length);
            Skip(taken);
            return taken;
        }

        /// <summary>Removes and returns the oldest byte.</summary>
        /// <exception cref="InvalidOperationException">The ring is empty.</exception>
        public byte ReadByte()
        {
            if (count == 0)
            {
                throw new InvalidOperationException("ring is empty");
            }

            byte value = storage[head];
            Skip(1);
            return value;
        }

        /// <summary>The byte <paramref name="index"/> places after the oldest, without removing anything.</summary>
        public byte PeekAt(int index)
        {
            if (index < 0 || index >= count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), "beyond the bytes held");
            }

            return storage[(head + index) % storage.Length];
        }

        /// <summary>Position of the first <paramref name="value"/> from the oldest byte on, or -1.</summary>
        public int IndexOf(byte value)
        {
            for (int i = 0; i < count; i++)
            {
                if (storage[(head + i) % storage.Length] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Drops up to <paramref name="length"/> of the oldest bytes; returns how many.</summary>
        public int Skip(int length)
        {
            if (length < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "cannot skip a negative count");
            }

            int dropped = length < count ? length : count;
            head = (head + dropped) % storage.Length;
            count -= dropped;
            if (count == 0)
            {
                head = 0;
            }

            return dropped;
        }

        /// <summary>Empties the ring.</summary>
        public void Clear()
        {
            head = 0;
            count = 0;
        }

        private static void CheckRange(byte[] buffer, int offset, int length)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || length < 0 || offset > buffer.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "range outside the array");
            }
        }
    }
}
