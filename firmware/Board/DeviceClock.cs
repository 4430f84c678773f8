namespace CellularIot.Board
{
    using System;
    using CellularIot.Support;

    /// <summary>
    /// The ESP32's clocks: the runtime's tick count for monotonic time, the system clock for UTC (which
    /// <see cref="SyncedClock"/> corrects from the modem's network time).
    /// </summary>
    public sealed class DeviceClock : IClock
    {
        /// <inheritdoc/>
        public long MonotonicMs
        {
            get { return Environment.TickCount64; }
        }

        /// <inheritdoc/>
        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }
    }
}
