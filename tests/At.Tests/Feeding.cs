namespace CellularIot.At.Tests;

/// <summary>Feeds a byte stream in pieces whose sizes come from a generated list, cycling through it.</summary>
internal static class Feeding
{
    public static void InPieces(byte[] stream, int[] pieceSizes, Action<byte[], int, int> feed)
    {
        int at = 0;
        int next = 0;
        while (at < stream.Length)
        {
            int size = Math.Min(pieceSizes.Length == 0 ? stream.Length : pieceSizes[next++ % pieceSizes.Length], stream.Length - at);
            feed(stream, at, size);
            at += size;
        }
    }
}
