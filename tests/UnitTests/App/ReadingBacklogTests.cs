namespace CellularIot.Tests.App
{
    using System;
    using CellularIot.App.Telemetry;
    using nanoFramework.TestFramework;

    [TestClass]
    public class ReadingBacklogTests
    {
        [TestMethod]
        public void NeedsRoomForOneReadingAtLeast()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ReadingBacklog(0));
            Assert.AreEqual(1, new ReadingBacklog(1).Capacity);
        }

        [TestMethod]
        public void HandsOutReadingsOldestFirst()
        {
            var backlog = new ReadingBacklog(4);
            for (int i = 1; i <= 3; i++)
            {
                backlog.Enqueue(new TelemetryReading { Sequence = i });
            }

            TelemetryReading[] batch = NewBatch(2);
            Assert.AreEqual(2, backlog.PeekOldest(batch, 2));
            Assert.AreEqual(1L, batch[0].Sequence);
            Assert.AreEqual(2L, batch[1].Sequence);
            Assert.AreEqual(3, backlog.Count);
        }

        [TestMethod]
        public void KeepsReadingsUntilTheyAreAcknowledged()
        {
            var backlog = new ReadingBacklog(4);
            backlog.Enqueue(new TelemetryReading { Sequence = 1 });
            backlog.Enqueue(new TelemetryReading { Sequence = 2 });
            TelemetryReading[] batch = NewBatch(4);

            backlog.PeekOldest(batch, 4);
            backlog.RemoveOldest(1);

            Assert.AreEqual(1, backlog.PeekOldest(batch, 4));
            Assert.AreEqual(2L, batch[0].Sequence);
        }

        [TestMethod]
        public void DropsAndCountsTheOldestWhenFull()
        {
            var backlog = new ReadingBacklog(3);
            for (int i = 1; i <= 5; i++)
            {
                backlog.Enqueue(new TelemetryReading { Sequence = i });
            }

            TelemetryReading[] batch = NewBatch(3);
            Assert.AreEqual(3, backlog.PeekOldest(batch, 3));
            Assert.AreEqual(3L, batch[0].Sequence);
            Assert.AreEqual(5L, batch[2].Sequence);
            Assert.AreEqual(2L, backlog.Dropped);
        }

        [TestMethod]
        public void CopiesRatherThanKeepsTheCallersReading()
        {
            var backlog = new ReadingBacklog(2);
            var reading = new TelemetryReading { Sequence = 1 };
            backlog.Enqueue(reading);
            reading.Sequence = 99;

            TelemetryReading[] batch = NewBatch(1);
            backlog.PeekOldest(batch, 1);
            Assert.AreEqual(1L, batch[0].Sequence);
        }

        private static TelemetryReading[] NewBatch(int size)
        {
            var batch = new TelemetryReading[size];
            for (int i = 0; i < size; i++)
            {
                batch[i] = new TelemetryReading();
            }

            return batch;
        }
    }
}
