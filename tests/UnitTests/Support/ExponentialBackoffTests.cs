namespace CellularIot.Tests.Support
{
    using System;
    using CellularIot.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class ExponentialBackoffTests
    {
        [TestMethod]
        public void JittersTheLargestDelayByUpToAllOfItWithoutOverflow()
        {
            var backoff = new ExponentialBackoff(0, int.MaxValue, 100, new Random(3));
            for (int i = 0; i < 20; i++)
            {
                int delay = backoff.Jitter(int.MaxValue);
                Assert.IsTrue(delay >= 1, "at least one millisecond is left of " + int.MaxValue);
            }
        }

        [TestMethod]
        public void DoublesUpToTheCapWithoutJitter()
        {
            var backoff = new ExponentialBackoff(1000, 5000, 0, new Random(1));

            Assert.AreEqual(1000, backoff.NextDelayMs());
            Assert.AreEqual(2000, backoff.NextDelayMs());
            Assert.AreEqual(4000, backoff.NextDelayMs());
            Assert.AreEqual(5000, backoff.NextDelayMs());
            Assert.AreEqual(5000, backoff.NextDelayMs());
            Assert.AreEqual(5, backoff.Failures);
        }

        [TestMethod]
        public void StartsOverAfterReset()
        {
            var backoff = new ExponentialBackoff(1000, 60000, 0, new Random(1));
            backoff.NextDelayMs();
            backoff.NextDelayMs();

            backoff.Reset();

            Assert.AreEqual(0, backoff.Failures);
            Assert.AreEqual(1000, backoff.NextDelayMs());
        }

        [TestMethod]
        public void JitterOnlyShortensAndStaysWithinItsShare()
        {
            var backoff = new ExponentialBackoff(10000, 10000, 25, new Random(7));
            bool varied = false;
            int first = backoff.NextDelayMs();
            for (int i = 0; i < 200; i++)
            {
                int delay = backoff.NextDelayMs();
                Assert.IsTrue(delay >= 7500 && delay <= 10000, "delay " + delay);
                varied |= delay != first;
            }

            Assert.IsTrue(varied);
        }

        [TestMethod]
        public void NeverOverflowsAfterManyFailures()
        {
            var backoff = new ExponentialBackoff(1000, int.MaxValue, 0, new Random(1));
            int delay = 0;
            for (int i = 0; i < 100; i++)
            {
                delay = backoff.NextDelayMs();
            }

            Assert.AreEqual(int.MaxValue, delay);
        }

        [TestMethod]
        public void RefusesBadSettings()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ExponentialBackoff(5000, 1000, 0, new Random(1)));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ExponentialBackoff(1, 2, 101, new Random(1)));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ExponentialBackoff(1, 2, 0, null));
        }
    }
}
