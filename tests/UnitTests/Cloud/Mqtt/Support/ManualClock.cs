namespace CellularIot.Tests.Cloud.Mqtt.Support
{
    using System;
    using CellularIot.Support;

    /// <summary>A clock that moves only when told to, so timeouts are tested without waiting.</summary>
    public class ManualClock : IClock
    {
        /// <summary>Milliseconds since the test began.</summary>
        public long MonotonicMs { get; set; }

        /// <summary>A fixed wall clock that follows <see cref="MonotonicMs"/>.</summary>
        public DateTime UtcNow
        {
            get { return new DateTime(2025, 1, 1, 0, 0, 0).AddMilliseconds(MonotonicMs); }
        }

        /// <summary>Moves time on.</summary>
        public void Advance(long ms)
        {
            MonotonicMs += ms;
        }
    }
}
