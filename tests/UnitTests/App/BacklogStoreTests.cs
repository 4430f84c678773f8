namespace CellularIot.Tests.App
{
    using CellularIot.App.Telemetry;
    using CellularIot.Storage;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class BacklogStoreTests
    {
        [TestMethod]
        public void KeepsEveryFieldOfEveryReadingInOrder()
        {
            var blobs = new MemoryBlobStore();
            var store = new BacklogStore(blobs, 8);
            var readings = new TelemetryReading[]
            {
                new TelemetryReading { Sequence = 41, UnixSeconds = 1764331200, UptimeSeconds = 600, FreeMemoryBytes = 81234, SignalDbm = -83, TemperatureTenths = -5 },
                new TelemetryReading { Sequence = 42, UptimeSeconds = 900 },
            };

            store.Save(readings, 2);
            TelemetryReading[] back = new BacklogStore(blobs, 8).Load();

            Assert.AreEqual(2, back.Length);
            Assert.AreEqual(41L, back[0].Sequence);
            Assert.AreEqual(1764331200L, back[0].UnixSeconds);
            Assert.AreEqual(600L, back[0].UptimeSeconds);
            Assert.AreEqual(81234, back[0].FreeMemoryBytes);
            Assert.AreEqual(-83, back[0].SignalDbm);
            Assert.AreEqual(-5, back[0].TemperatureTenths);
            Assert.AreEqual(42L, back[1].Sequence);
            Assert.AreEqual(TelemetryReading.Unknown, back[1].SignalDbm);
            Assert.AreEqual(TelemetryReading.Unknown, back[1].TemperatureTenths);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(3)]
        public void ASlotWithAValidCrcButAPayloadTooShortIsPassedOver(int length)
        {
            var blobs = new MemoryBlobStore();
            new TwoSlotStore(blobs, "backlog.a", "backlog.b", "CIBL", 1, 64).Save(new byte[length]);

            Assert.AreEqual(0, new BacklogStore(blobs, 8).Load().Length);
        }

        [TestMethod]
        public void TheNewestSaveWinsAndAnEmptyBacklogIsStoredToo()
        {
            var blobs = new MemoryBlobStore();
            var store = new BacklogStore(blobs, 8);
            store.Save(new TelemetryReading[] { new TelemetryReading { Sequence = 1 } }, 1);
            store.Save(new TelemetryReading[0], 0);

            Assert.AreEqual(0, new BacklogStore(blobs, 8).Load().Length);
        }

        [TestMethod]
        public void AHalfWrittenSaveKeepsThePreviousCopy()
        {
            var blobs = new MemoryBlobStore();
            var store = new BacklogStore(blobs, 8);
            store.Save(new TelemetryReading[] { new TelemetryReading { Sequence = 1 } }, 1);
            store.Save(new TelemetryReading[] { new TelemetryReading { Sequence = 1 }, new TelemetryReading { Sequence = 2 } }, 2);

            // The second save went to slot b; cut it short as a power failure would.
            byte[] newest = blobs.Get("backlog.b");
            byte[] cut = new byte[newest.Length - 10];
            System.Array.Copy(newest, cut, cut.Length);
            blobs.Put("backlog.b", cut);

            TelemetryReading[] back = new BacklogStore(blobs, 8).Load();
            Assert.AreEqual(1, back.Length);
            Assert.AreEqual(1L, back[0].Sequence);
        }

        [TestMethod]
        public void NothingStoredIsAnEmptyBacklog()
        {
            Assert.AreEqual(0, new BacklogStore(new MemoryBlobStore(), 4).Load().Length);
        }
    }
}
