using System.Diagnostics;
using CellularIot.Support;

namespace CellularIot.Mqtt.Tests;

/// <summary>
/// A monotonic clock that runs <see cref="Factor"/> times faster than real time, so a 30 s keep-alive (the
/// shortest AWS allows, and the client clamps to it) passes in a fraction of a second.
/// </summary>
internal sealed class ScaledClock(int factor) : IClock
{
    private readonly Stopwatch started = Stopwatch.StartNew();

    public int Factor { get; } = factor;

    public long MonotonicMs => started.ElapsedMilliseconds * Factor;

    public DateTime UtcNow => DateTime.UtcNow;
}
