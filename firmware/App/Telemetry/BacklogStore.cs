namespace CellularIot.App.Telemetry
{
    using System;
    using System.IO;
    using CellularIot.Storage;

    /// <summary>
    /// Keeps the unsent readings on flash, so that a reboot or a power cut while offline loses none. Written
    /// after every change of the backlog; while online the backlog is nearly always empty, so each write is a
    /// few dozen bytes. Uses the same power-cut-safe two-slot format as the stored login.
    /// </summary>
    public class BacklogStore
    {
        /// <summary>Bytes one reading takes on flash.</summary>
        public const int RecordBytes = 36;

        private readonly TwoSlotStore slots;
        private readonly int capacity;

        /// <summary>Creates a store for a backlog of up to <paramref name="capacity"/> readings.</summary>
        public BacklogStore(IBlobStore blobs, int capacity)
        {
            this.capacity = capacity;
            slots = new TwoSlotStore(blobs, "backlog.a", "backlog.b", "CIBL", 1, 4 + (capacity * RecordBytes));
        }

        /// <summary>Writes <paramref name="count"/> readings, oldest first.</summary>
        /// <exception cref="IOException">The flash write failed; the previous copy is still in place.</exception>
        public void Save(TelemetryReading[] readings, int count)
        {
            byte[] payload = new byte[4 + (count * RecordBytes)];
            PutInt64(payload, 0, count, 4);
            for (int i = 0; i < count; i++)
            {
                int at = 4 + (i * RecordBytes);
                TelemetryReading reading = readings[i];
                PutInt64(payload, at, reading.Sequence, 8);
                PutInt64(payload, at + 8, reading.UnixSeconds, 8);
                PutInt64(payload, at + 16, reading.UptimeSeconds, 8);
                PutInt64(payload, at + 24, reading.FreeMemoryBytes, 4);
                PutInt64(payload, at + 28, reading.SignalDbm, 4);
                PutInt64(payload, at + 32, reading.TemperatureTenths, 4);
            }

            slots.Save(payload);
        }

        /// <summary>The stored readings, oldest first (none when nothing valid is stored).</summary>
        public TelemetryReading[] Load()
        {
            byte[][] copies = slots.LoadNewestFirst();
            foreach (byte[] payload in copies)
            {
                // A slot whose CRC holds can still carry a payload this format never writes (a shorter one from
                // another writer): it is passed over like a damaged one, never read past its end.
                if (payload.Length < 4)
                {
                    continue;
                }

                int count = (int)GetInt64(payload, 0, 4);
                if (count < 0 || count > capacity || payload.Length != 4 + (count * RecordBytes))
                {
                    continue;
                }

                var readings = new TelemetryReading[count];
                for (int i = 0; i < count; i++)
                {
                    int at = 4 + (i * RecordBytes);
                    var reading = new TelemetryReading();
                    reading.Sequence = GetInt64(payload, at, 8);
                    reading.UnixSeconds = GetInt64(payload, at + 8, 8);
                    reading.UptimeSeconds = GetInt64(payload, at + 16, 8);
                    reading.FreeMemoryBytes = (int)GetInt64(payload, at + 24, 4);
                    reading.SignalDbm = (int)GetInt64(payload, at + 28, 4);
                    reading.TemperatureTenths = (int)GetInt64(payload, at + 32, 4);
                    readings[i] = reading;
                }

                return readings;
            }

            return new TelemetryReading[0];
        }

        // Big-endian, the low 'width' bytes; a 4-byte field sign-extends when read back.
        private static void PutInt64(byte[] target, int at, long value, int width)
        {
            for (int i = width - 1; i >= 0; i--)
            {
                target[at + i] = (byte)value;
                value >>= 8;
            }
        }

        private static long GetInt64(byte[] source, int at, int width)
        {
            long value = (sbyte)source[at];
            for (int i = 1; i < width; i++)
            {
                value = (value << 8) | source[at + i];
            }

            return value;
        }
    }
}
