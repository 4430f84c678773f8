namespace CellularIot.Support
{
    using System;

    /// <summary>
    /// Time as the firmware needs it: a monotonic count for timeouts and keep-alives, which never jumps when
    /// the wall clock is set, and the wall clock for token expiry, which the modem's network time sets.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since an arbitrary start; never goes backwards.</summary>
        long MonotonicMs { get; }

        /// <summary>The current UTC time, as well as the device knows it.</summary>
        DateTime UtcNow { get; }
    }
}
