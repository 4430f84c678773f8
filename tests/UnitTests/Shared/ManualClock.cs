namespace CellularIot.Tests.Support
{
    using System;
    using CellularIot.Support;

    /// <summary>A clock the test moves by hand: timeouts are tested without waiting.</summary>
    public class ManualClock : IClock
    {
        /// <summary>Starts at monotonic 1000 ms and 2024-05-01T12:00:00Z.</summary>
        public ManualClock()
        {
            MonotonicMs = 1000;
            UtcNow = new DateTime(2024, 5, 1, 12, 0, 0);
        }

        /// <inheritdoc/>
        public long MonotonicMs { get; set; }

        /// <inheritdoc/>
        public DateTime UtcNow { get; set; }

        /// <summary>Moves both clocks forward.</summary>
        public void Advance(long milliseconds)
        {
            MonotonicMs += milliseconds;
            UtcNow = UtcNow.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);
        }
    }
}
