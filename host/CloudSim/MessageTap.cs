namespace CellularIot.CloudSim;

/// <summary>Hands every routed message to the watchers registered at the time (see <see cref="SimulatedCloud.WatchMessages"/>).</summary>
internal sealed class MessageTap
{
    private readonly Lock gate = new();
    private readonly List<Action<PublishedMessage>> watchers = [];

    public IDisposable Watch(Action<PublishedMessage> watcher)
    {
        ArgumentNullException.ThrowIfNull(watcher);
        lock (gate)
        {
            watchers.Add(watcher);
        }

        return new Unwatch(this, watcher);
    }

    public void Add(PublishedMessage message)
    {
        Action<PublishedMessage>[] current;
        lock (gate)
        {
            if (watchers.Count == 0)
            {
                return;
            }

            current = [.. watchers];
        }

        foreach (Action<PublishedMessage> watcher in current)
        {
            watcher(message);
        }
    }

    private sealed class Unwatch(MessageTap tap, Action<PublishedMessage> watcher) : IDisposable
    {
        public void Dispose()
        {
            lock (tap.gate)
            {
                tap.watchers.Remove(watcher);
            }
        }
    }
}
