namespace CellularIot.Runner;

/// <summary>When a run stops and what it must have reached by then.</summary>
/// <param name="Messages">Acknowledged telemetry messages to stop after; null runs until <paramref name="Duration"/> and needs one.</param>
/// <param name="Duration">The longest the run may take.</param>
/// <param name="PingAfterAck">The acknowledged message after which the cloud sends the device a ping; 0 for none.</param>
public sealed record RunPlan(int? Messages, TimeSpan Duration, int PingAfterAck)
{
    /// <summary>Acknowledged messages the run needs to count as a success.</summary>
    public int RequiredMessages => Messages ?? 1;

    /// <summary>The goal in words, for the log.</summary>
    public string Describe(int intervalSeconds) =>
        (Messages is { } n ? $"{n} acknowledged message{(n == 1 ? string.Empty : "s")}" : $"as many messages as {Duration.TotalSeconds:0} s allow")
        + $", one reading every {intervalSeconds} s, within {Duration.TotalSeconds:0} s"
        + (PingAfterAck > 0 ? $"; a ping from the cloud after ack #{PingAfterAck}" : string.Empty);
}
