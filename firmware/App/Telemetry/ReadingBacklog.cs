namespace CellularIot.App.Telemetry
{
    using System;

    /// <summary>
    /// Store-and-forward: a bounded first-in first-out queue of readings taken while offline or between
    /// reconnects. When full, the oldest reading is dropped and counted, so memory stays fixed however long
    /// the device is cut off. Readings leave only when the broker has acknowledged them. Thread-safe.
    /// </summary>
    public class ReadingBacklog
    {
        private readonly TelemetryReading[] slots;
        private readonly object gate = new object();
        private int head;
        private int count;
        private long dropped;

        /// <summary>Creates a queue of <paramref name="capacity"/> preallocated readings.</summary>
        public ReadingBacklog(int capacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must be positive");
            }

            slots = new TelemetryReading[capacity];
            for (int i = 0; i < capacity; i++)
            {
                slots[i] = new TelemetryReading();
            }
        }

        /// <summary>Most readings held at once.</summary>
        public int Capacity
        {
            get { return slots.Length; }
        }

        /// <summary>Readings waiting to be sent.</summary>
        public int Count
        {
            get
            {
                lock (gate)
                {
                    return count;
                }
            }
        }

        /// <summary>Readings lost because the queue was full, since start.</summary>
        public long Dropped
        {
            get
            {
                lock (gate)
                {
                    return dropped;
                }
            }
        }

        /// <summary>Appends a copy of <paramref name="reading"/>, dropping the oldest when full.</summary>
        public void Enqueue(TelemetryReading reading)
        {
            lock (gate)
            {
                if (count == slots.Length)
                {
                    head = (head + 1) % slots.Length;
                    count--;
                    dropped++;
                }

                slots[(head + count) % slots.Length].CopyFrom(reading);
                count++;
            }
        }

        /// <summary>Copies up to <paramref name="max"/> of the oldest readings into <paramref name="into"/>; returns how many.</summary>
        public int PeekOldest(TelemetryReading[] into, int max)
        {
            lock (gate)
            {
                int taken = max < count ? max : count;
                for (int i = 0; i < taken; i++)
                {
                    into[i].CopyFrom(slots[(head + i) % slots.Length]);
                }

                return taken;
            }
        }

        /// <summary>Removes the <paramref name="sent"/> oldest readings once the broker has them.</summary>
        public void RemoveOldest(int sent)
        {
            lock (gate)
            {
                int removed = sent < count ? sent : count;
                head = (head + removed) % slots.Length;
                count -= removed;
            }
        }
    }
}
