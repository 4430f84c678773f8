namespace CellularIot.ModemSim;

/// <summary>
/// The AT traffic in both directions, with timestamps, for the PC runner's summary and for debugging a driver.
/// Bounded: beyond its capacity the oldest entries are dropped. Safe to read from any thread.
/// </summary>
public sealed class AtTrafficLog
{
    private readonly Lock gate = new();
    private readonly Queue<AtTrafficEntry> entries = new();
    private readonly int capacity;
    private readonly Func<long> elapsedMs;
    private long bytesToModem;
    private long bytesFromModem;

    internal AtTrafficLog(int capacity, Func<long> elapsedMs)
    {
        this.capacity = capacity;
        this.elapsedMs = elapsedMs;
    }

    /// <summary>Raised for every new entry, on the simulator's thread; handlers must be quick.</summary>
    public event EventHandler<AtTrafficEventArgs>? EntryAdded;

    /// <summary>The entries kept, oldest first.</summary>
    public IReadOnlyList<AtTrafficEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>All bytes the firmware has sent the module (including those the module ignored while off or silent).</summary>
    public long BytesToModem => Interlocked.Read(ref bytesToModem);

    /// <summary>All bytes the module has put on the link.</summary>
    public long BytesFromModem => Interlocked.Read(ref bytesFromModem);

    /// <summary>Forgets the entries (the byte totals stay).</summary>
    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    internal void Add(TrafficDirection direction, byte[] bytes, int dataBytes = 0)
    {
        if (bytes.Length == 0)
        {
            return;
        }

        Interlocked.Add(ref direction == TrafficDirection.ToModem ? ref bytesToModem : ref bytesFromModem, bytes.Length);
        var entry = new AtTrafficEntry(DateTimeOffset.UtcNow, elapsedMs(), direction, bytes, dataBytes);
        lock (gate)
        {
            if (capacity > 0)
            {
                if (entries.Count == capacity)
                {
                    entries.Dequeue();
                }

                entries.Enqueue(entry);
            }
        }

        EntryAdded?.Invoke(this, new AtTrafficEventArgs(entry));
    }
}
