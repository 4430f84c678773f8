using System.Collections.Concurrent;
using System.Net.Sockets;
using CellularIot.CloudSim.Tls;

namespace CellularIot.CloudSim;

/// <summary>What every part of the simulated cloud shares: settings, clock, event log and the connection table.</summary>
internal sealed class CloudContext(SimulatedCloudOptions options)
{
    // Closed connections are kept for the byte-count report, up to this many.
    private const int KeptConnections = 5_000;

    private readonly ConcurrentDictionary<long, ConnectionRecord> connections = new();
    private long nextId;

    public SimulatedCloudOptions Options { get; } = options;

    public CloudEventLog Events { get; } = new(options.TimeProvider);

    public MessageTap Messages { get; } = new();

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public ConnectionRecord Register(CloudService service, Socket socket)
    {
        var record = new ConnectionRecord(Interlocked.Increment(ref nextId), service, socket, Now);
        connections[record.Id] = record;
        if (connections.Count > KeptConnections)
        {
            foreach (ConnectionRecord old in connections.Values.Where(c => c.IsClosed).OrderBy(c => c.Id).Take(KeptConnections / 10))
            {
                connections.TryRemove(old.Id, out _);
            }
        }

        return record;
    }

    public IReadOnlyList<ConnectionStats> Connections() => [.. connections.Values.OrderBy(c => c.Id).Select(c => c.Snapshot())];
}
