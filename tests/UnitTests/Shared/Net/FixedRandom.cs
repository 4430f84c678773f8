namespace CellularIot.Tests.Net.Support
{
    using System;

    /// <summary>A Random whose bytes repeat a given pattern, so WebSocket keys and masks are known to the test.</summary>
    public class FixedRandom : Random
    {
        private readonly byte[] pattern;
        private int next;

        /// <summary>Creates a source that yields <paramref name="pattern"/> over and over.</summary>
        public FixedRandom(byte[] pattern)
        {
            this.pattern = pattern;
        }

        /// <inheritdoc/>
        public override void NextBytes(byte[] buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = pattern[next];
                next = (next + 1) % pattern.Length;
            }
        }
    }
}
