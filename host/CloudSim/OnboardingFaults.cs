namespace CellularIot.CloudSim;

/// <summary>
/// Fault injection for the onboarding API: the next N well-formed requests are answered with a server error
/// (500 or 503), as 1NCE's API may answer, before any other check.
/// </summary>
public sealed class OnboardingFaults
{
    private readonly Lock gate = new();
    private readonly Queue<int> pending = new();

    /// <summary>How many injected failures are still to be served.</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> (500 or 503).</summary>
    public void FailNext(int count, int status)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (status is not (500 or 503))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "1NCE documents 500 and 503 as its server errors.");
        }

        lock (gate)
        {
            for (int i = 0; i < count; i++)
            {
                pending.Enqueue(status);
            }
        }
    }

    /// <summary>Drops every pending failure.</summary>
    public void Clear()
    {
        lock (gate)
        {
            pending.Clear();
        }
    }

    internal bool TryTake(out int status)
    {
        lock (gate)
        {
            return pending.TryDequeue(out status);
        }
    }
}
