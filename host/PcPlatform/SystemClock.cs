using System.Diagnostics;
using CellularIot.Support;

namespace CellularIot.Host;

/// <summary>The PC's clocks: Stopwatch for monotonic time, the system clock for UTC.</summary>
public sealed class SystemClock : IClock
{
    private readonly Stopwatch started = Stopwatch.StartNew();

    /// <inheritdoc/>
    public long MonotonicMs => started.ElapsedMilliseconds;

    /// <inheritdoc/>
    public DateTime UtcNow => DateTime.UtcNow;
}
