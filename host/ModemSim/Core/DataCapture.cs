namespace CellularIot.ModemSim.Core;

/// <summary>
/// Raw bytes a command asked for after its prompt (DOWNLOAD for CFSWFILE, "&gt; " for CASEND): exactly
/// <see cref="Expected"/> bytes, or a timeout.
/// </summary>
internal sealed class DataCapture(int expected, Action<byte[]> complete, Action<byte[]> timedOut)
{
    private readonly byte[] data = new byte[expected];

    public int Expected { get; } = expected;

    public int Received { get; private set; }

    public bool Full => Received == Expected;

    public ScheduledAction? Timer { get; set; }

    public byte[] Data => data;

    public byte[] Partial => data[..Received];

    public Action<byte[]> Complete { get; } = complete;

    public Action<byte[]> TimedOut { get; } = timedOut;

    public void Add(byte b) => data[Received++] = b;
}
