namespace CellularIot.Support
{
    using System;

    /// <summary>
    /// Capped exponential backoff with jitter: initial, 2x, 4x ... up to a cap, each delay shortened by a random
    /// part of up to <c>jitterPercent</c>, so that many devices cut off together do not return together.
    /// Not thread-safe.
    /// </summary>
    public class ExponentialBackoff
    {
        private readonly int initialDelayMs;
        private readonly int maxDelayMs;
        private readonly int jitterPercent;
        private readonly Random random;
        private int failures;

        /// <summary>Creates a backoff; <paramref name="random"/> supplies the jitter.</summary>
        public ExponentialBackoff(int initialDelayMs, int maxDelayMs, int jitterPercent, Random random)
        {
            if (initialDelayMs < 0 || maxDelayMs < initialDelayMs || jitterPercent < 0 || jitterPercent > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(initialDelayMs), "need 0 <= initial <= max and jitter 0..100 %");
            }

            if (random == null)
            {
                throw new ArgumentNullException(nameof(random));
            }

            this.initialDelayMs = initialDelayMs;
            this.maxDelayMs = maxDelayMs;
            this.jitterPercent = jitterPercent;
            this.random = random;
        }

        /// <summary>Failures since the last <see cref="Reset"/>: the exponent of the next delay.</summary>
        public int Failures
        {
            get { return failures; }
        }

        /// <summary>Counts a failure and returns the wait before the next attempt.</summary>
        public int NextDelayMs()
        {
            failures++;
            long delay = initialDelayMs;
            for (int i = 1; i < failures && delay < maxDelayMs; i++)
            {
                delay *= 2;
            }

            return Jitter(delay < maxDelayMs ? (int)delay : maxDelayMs);
        }

        /// <summary>Starts over after a success.</summary>
        public void Reset()
        {
            failures = 0;
        }

        /// <summary><paramref name="delayMs"/> shortened by a random part of up to the jitter percentage.</summary>
        public int Jitter(int delayMs)
        {
            int span = (int)((long)delayMs * jitterPercent / 100);
            return delayMs - (span > 0 ? random.Next(span < int.MaxValue ? span + 1 : span) : 0);
        }
    }
}
