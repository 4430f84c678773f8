namespace CellularIot.Tests.At
{
    using System;

    /// <summary>
    /// Piece sizes for feeding a byte stream in random splits, from a seeded xorshift generator of its own (not
    /// System.Random, whose sequence differs between nanoCLR and .NET), so a failing seed splits the same way on
    /// every runtime.
    /// </summary>
    public sealed class SeededSplits
    {
        private readonly int maxPiece;
        private uint state;

        public SeededSplits(int seed, int maxPiece)
        {
            state = (uint)seed * 2654435761u;
            if (state == 0)
            {
                state = 0x9E3779B9u;
            }

            this.maxPiece = maxPiece;
        }

        /// <summary>The next piece size, 1..<paramref name="limit"/> and at most the generator's maximum.</summary>
        public int Next(int limit)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            int top = limit < maxPiece ? limit : maxPiece;
            return top <= 1 ? top : 1 + (int)(state % (uint)top);
        }

        /// <summary>Feeds <paramref name="data"/> to <paramref name="feed"/> in pieces of seeded random size.</summary>
        public static void Feed(byte[] data, int seed, int maxPiece, ByteFeed feed)
        {
            var splits = new SeededSplits(seed, maxPiece);
            int at = 0;
            while (at < data.Length)
            {
                int piece = splits.Next(data.Length - at);
                feed(data, at, piece);
                at += piece;
            }
        }
    }

}
