namespace CellularIot.Fuzz;

/// <summary>Feeds a stream in pieces whose sizes a generator picks, as a UART or socket hands bytes over.</summary>
public static class Splits
{
    /// <summary>Calls <paramref name="feed"/> with consecutive pieces of 1 to <paramref name="maxPiece"/> bytes chosen from <paramref name="seed"/>.</summary>
    public static void Feed(byte[] stream, int seed, int maxPiece, Action<byte[], int, int> feed)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(feed);
        var random = new Random(seed);
        int at = 0;
        while (at < stream.Length)
        {
            int size = Math.Min(1 + random.Next(Math.Max(1, maxPiece)), stream.Length - at);
            feed(stream, at, size);
            at += size;
        }
    }
}
