using System.Diagnostics;
using CellularIot.App;

namespace CellularIot.Runner;

/// <summary>
/// Drives a <see cref="Device"/> the way the board's Program does, one <see cref="Device.Step"/> after another, until
/// the plan's goal, its duration or a stop request; watches the acknowledgements as they come and notes the TCP
/// byte counters at the first and the latest, and lets an <see cref="AtMeter"/> see every step.
/// </summary>
public sealed class StepLoop(Device device, RunPlan plan, Func<TrafficSnapshot>? traffic, AtMeter? meter = null)
{
    /// <summary>
    /// Runs until the plan's messages are acknowledged and <paramref name="waitingFor"/> answers null (nothing else
    /// outstanding, such as a command's reply), until the duration runs out (a success when the plan sets no message
    /// count, one message was acknowledged and nothing is outstanding), or until <paramref name="stop"/> is cancelled.
    /// <paramref name="acknowledged"/> is called on the loop's thread with the count after each newly acknowledged message.
    /// </summary>
    public RunOutcome Run(Func<string?> waitingFor, Action<int>? acknowledged, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(waitingFor);
        var clock = Stopwatch.StartNew();
        int seen = 0;
        TrafficSnapshot? first = null;
        TrafficSnapshot? last = null;
        try
        {
            while (true)
            {
                int acked = device.Runner.MessagesAcknowledged;
                if (plan.Messages is { } goal && acked >= goal && waitingFor() is null)
                {
                    return new(RunEnd.Reached, $"{acked} messages acknowledged", clock.Elapsed, first, last);
                }

                if (stop.IsCancellationRequested)
                {
                    return new(RunEnd.Stopped, "stopped before the goal", clock.Elapsed, first, last);
                }

                if (clock.Elapsed >= plan.Duration)
                {
                    string? outstanding = waitingFor();
                    return plan.Messages is null && acked >= 1 && outstanding is null
                        ? new(RunEnd.Reached, $"{acked} messages acknowledged in {plan.Duration.TotalSeconds:0} s", clock.Elapsed, first, last)
                        : new(RunEnd.TimedOut, TimedOutDetail(acked, outstanding), clock.Elapsed, first, last);
                }

                meter?.BeforeStep(device);
                device.Step();
                meter?.AfterStep(device);
                while (seen < device.Runner.MessagesAcknowledged)
                {
                    seen++;
                    last = traffic?.Invoke();
                    first ??= last;
                    acknowledged?.Invoke(seen);
                }
            }
        }
#pragma warning disable CA1031 // The board's Program restarts on anything; the runner reports it and stops.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new(RunEnd.Failed, "the firmware stopped on " + e.GetType().Name + ": " + e.Message, clock.Elapsed, first, last);
        }
    }

    private string TimedOutDetail(int acked, string? outstanding)
    {
        string within = $"within {plan.Duration.TotalSeconds:0} s";
        if (acked == 0)
        {
            return "no message was acknowledged " + within;
        }

        return acked < plan.RequiredMessages
            ? $"only {acked} of {plan.RequiredMessages} messages acknowledged {within}"
            : $"{outstanding ?? "the goal"} did not arrive {within}";
    }
}
