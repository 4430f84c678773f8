namespace CellularIot.Tests.Support
{
    using System;
    using CellularIot.Support;

    /// <summary>The real time, for tests that run threads and measure waits.</summary>
    public sealed class RealClock : IClock
    {
        public long MonotonicMs
        {
            get { return DateTime.UtcNow.Ticks / 10000; }
        }

        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }
    }
}
