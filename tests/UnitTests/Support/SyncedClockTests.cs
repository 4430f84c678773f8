namespace CellularIot.Tests.Support
{
    using System;
    using CellularIot.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class SyncedClockTests
    {
        [TestMethod]
        public void FollowsTheSourceUntilSet()
        {
            var source = new ManualClock();
            var clock = new SyncedClock(source);

            Assert.IsFalse(clock.IsSynced);
            Assert.AreEqual(source.UtcNow, clock.UtcNow);
        }

        [TestMethod]
        public void RunsOnFromNetworkTimeWithMonotonicTime()
        {
            var source = new ManualClock();
            var clock = new SyncedClock(source);
            var network = new DateTime(2026, 11, 28, 12, 0, 0);

            clock.Set(network);
            source.MonotonicMs += 90000;
            source.UtcNow = new DateTime(1980, 1, 6, 0, 0, 0);

            Assert.IsTrue(clock.IsSynced);
            Assert.AreEqual(network.AddSeconds(90), clock.UtcNow);
            Assert.AreEqual(source.MonotonicMs, clock.MonotonicMs);
        }
    }
}
