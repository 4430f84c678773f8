namespace CellularIot.Runner;

/// <summary>How a run ended.</summary>
public enum RunEnd
{
    /// <summary>The goal was reached.</summary>
    Reached,

    /// <summary>The duration ran out first.</summary>
    TimedOut,

    /// <summary>Ctrl+C or SIGTERM stopped it.</summary>
    Stopped,

    /// <summary>The firmware threw something it could not recover from, or the run's own command could not be sent.</summary>
    Failed,
}

/// <summary>What <see cref="StepLoop.Run"/> saw.</summary>
/// <param name="End">How the run ended.</param>
/// <param name="Detail">Why, in words.</param>
/// <param name="Elapsed">How long the loop ran.</param>
/// <param name="AtFirstAck">TCP bytes when the first message was acknowledged; null without counters or ack.</param>
/// <param name="AtLastAck">TCP bytes when the last message was acknowledged; null without counters or ack.</param>
public sealed record RunOutcome(RunEnd End, string Detail, TimeSpan Elapsed, TrafficSnapshot? AtFirstAck, TrafficSnapshot? AtLastAck);
