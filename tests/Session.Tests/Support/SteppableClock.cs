using CellularIot.Host;
using CellularIot.Support;

namespace CellularIot.Session.Tests.Support;

/// <summary>
/// The PC's clock (host/PcPlatform's <see cref="SystemClock"/>) plus an offset a test moves forward between two steps of the
/// session, when nothing waits on it: the way to let AWS IoT Core's 30 s minimum keep-alive pass in no time. Both the
/// monotonic and the wall time move, as they would if the device had really been idle that long.
/// </summary>
internal sealed class SteppableClock : IClock
{
    private readonly SystemClock system = new();
    private long offsetMs;

    /// <inheritdoc/>
    public long MonotonicMs => system.MonotonicMs + Interlocked.Read(ref offsetMs);

    /// <inheritdoc/>
    public DateTime UtcNow => system.UtcNow.AddMilliseconds(Interlocked.Read(ref offsetMs));

    /// <summary>Moves both times forward by <paramref name="span"/>.</summary>
    public void Advance(TimeSpan span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(span, TimeSpan.Zero);
        Interlocked.Add(ref offsetMs, (long)span.TotalMilliseconds);
    }
}
