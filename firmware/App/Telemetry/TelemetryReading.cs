namespace CellularIot.App.Telemetry
{
    /// <summary>
    /// One periodic reading. A mutable slot rather than an immutable value: the offline queue keeps a fixed
    /// set of them and copies fields in, so taking readings for years allocates nothing.
    /// </summary>
    public class TelemetryReading
    {
        /// <summary>Marks a field the platform could not measure; it is left out of the payload.</summary>
        public const int Unknown = int.MinValue;

        /// <summary>Counts readings since boot, so a consumer sees gaps and duplicates.</summary>
        public long Sequence { get; set; }

        /// <summary>Wall-clock time in Unix seconds, or 0 before the modem has given network time.</summary>
        public long UnixSeconds { get; set; }

        /// <summary>Seconds since the firmware started.</summary>
        public long UptimeSeconds { get; set; }

        /// <summary>Free managed memory in bytes, or <see cref="Unknown"/>.</summary>
        public int FreeMemoryBytes { get; set; } = Unknown;

        /// <summary>Received signal strength in dBm, or <see cref="Unknown"/>.</summary>
        public int SignalDbm { get; set; } = Unknown;

        /// <summary>Board temperature in tenths of a degree Celsius, or <see cref="Unknown"/>.</summary>
        public int TemperatureTenths { get; set; } = Unknown;

        /// <summary>Copies every field of <paramref name="other"/> into this slot.</summary>
        public void CopyFrom(TelemetryReading other)
        {
            Sequence = other.Sequence;
            UnixSeconds = other.UnixSeconds;
            UptimeSeconds = other.UptimeSeconds;
            FreeMemoryBytes = other.FreeMemoryBytes;
            SignalDbm = other.SignalDbm;
            TemperatureTenths = other.TemperatureTenths;
        }
    }
}
