namespace CellularIot.CloudSim;

/// <summary>
/// The simulated cloud's event log: connections, authorizer decisions with their reasons, messages, and every
/// refusal. Bounded (the oldest entries go first); readers take snapshots, wait for an entry, or watch live.
/// </summary>
public sealed class CloudEventLog
{
    private const int Capacity = 20_000;

    private readonly Lock gate = new();
    private readonly List<CloudEvent> events = [];
    private readonly List<Action<CloudEvent>> watchers = [];
    private readonly TimeProvider time;

    internal CloudEventLog(TimeProvider time)
    {
        this.time = time;
    }

    /// <summary>Every entry still held, oldest first.</summary>
    public IReadOnlyList<CloudEvent> Snapshot()
    {
        lock (gate)
        {
            return [.. events];
        }
    }

    /// <summary>Calls <paramref name="watcher"/> for every later entry, on the thread that logs it, until disposed.</summary>
    public IDisposable Watch(Action<CloudEvent> watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        lock (gate)
        {
            watchers.Add(watcher);
        }

        return new Unwatch(this, watcher);
    }

    /// <summary>The first entry (already logged or still to come) that matches, or a <see cref="TimeoutException"/>.</summary>
    public async Task<CloudEvent> WaitForAsync(Func<CloudEvent, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        var found = new TaskCompletionSource<CloudEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable watch = Watch(e =>
        {
            if (match(e))
            {
                found.TrySetResult(e);
            }
        });

        CloudEvent? earlier = Snapshot().FirstOrDefault(match);
        if (earlier is not null)
        {
            return earlier;
        }

        try
        {
            return await found.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(
                $"No matching cloud event within {timeout.TotalSeconds:0.#} s. Last events:{Environment.NewLine}"
                + string.Join(Environment.NewLine, Snapshot().TakeLast(15)),
                e);
        }
    }

    internal void Add(long connectionId, CloudEventKind kind, string? clientId, string message)
    {
        var entry = new CloudEvent(time.GetUtcNow(), connectionId, kind, clientId, message);
        Action<CloudEvent>[] current;
        lock (gate)
        {
            if (events.Count >= Capacity)
            {
                events.RemoveRange(0, Capacity / 10);
            }

            events.Add(entry);
            current = [.. watchers];
        }

        foreach (Action<CloudEvent> watcher in current)
        {
            watcher(entry);
        }
    }

    private sealed class Unwatch(CloudEventLog log, Action<CloudEvent> watcher) : IDisposable
    {
        public void Dispose()
        {
            lock (log.gate)
            {
                log.watchers.Remove(watcher);
            }
        }
    }
}
