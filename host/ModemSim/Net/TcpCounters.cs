namespace CellularIot.ModemSim.Net;

/// <summary>Byte totals at TCP level (TLS records included) across every socket of one simulator.</summary>
internal sealed class TcpCounters
{
    private long sent;
    private long received;

    public long Sent => Interlocked.Read(ref sent);

    public long Received => Interlocked.Read(ref received);

    public void AddSent(int count) => Interlocked.Add(ref sent, count);

    public void AddReceived(int count) => Interlocked.Add(ref received, count);
}
