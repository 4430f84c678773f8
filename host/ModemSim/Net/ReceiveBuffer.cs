namespace CellularIot.ModemSim.Net;

/// <summary>Bytes received from TCP and not yet read with CARECV, in arrival order (owned by the event loop).</summary>
internal sealed class ReceiveBuffer
{
    private readonly Queue<byte[]> chunks = new();
    private int firstOffset;

    public int Count { get; private set; }

    public void Add(byte[] chunk)
    {
        chunks.Enqueue(chunk);
        Count += chunk.Length;
    }

    public byte[] Take(int max)
    {
        var taken = new byte[Math.Min(max, Count)];
        int filled = 0;
        while (filled < taken.Length)
        {
            byte[] first = chunks.Peek();
            int n = Math.Min(first.Length - firstOffset, taken.Length - filled);
            Array.Copy(first, firstOffset, taken, filled, n);
            filled += n;
            firstOffset += n;
            if (firstOffset == first.Length)
            {
                chunks.Dequeue();
                firstOffset = 0;
            }
        }

        Count -= taken.Length;
        return taken;
    }
}
