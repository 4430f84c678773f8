namespace CellularIot.Tests.Storage
{
    using System;
    using System.IO;
    using CellularIot.Storage;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class TwoSlotStoreFaultTests
    {
        [TestMethod]
        public void RefusesAStoreWithoutBlobsOrWithAMagicOtherThanFourCharacters()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TwoSlotStore(null, "x.a", "x.b", "TEST", 1, 16));
            Assert.ThrowsException(typeof(ArgumentException), () => new TwoSlotStore(new MemoryBlobStore(), "x.a", "x.b", null, 1, 16));
            Assert.ThrowsException(typeof(ArgumentException), () => new TwoSlotStore(new MemoryBlobStore(), "x.a", "x.b", "TES", 1, 16));
            Assert.ThrowsException(typeof(ArgumentException), () => new TwoSlotStore(new MemoryBlobStore(), "x.a", "x.b", "TESTS", 1, 16));
        }

        [TestMethod]
        public void RefusesAMissingOrOversizedPayloadAndWritesNothing()
        {
            var blobs = new MemoryBlobStore();
            var store = new TwoSlotStore(blobs, "x.a", "x.b", "TEST", 1, 16);
            Assert.ThrowsException(typeof(ArgumentException), () => store.Save(null));
            Assert.ThrowsException(typeof(ArgumentException), () => store.Save(new byte[17]));
            Assert.ThrowsException(typeof(ArgumentNullException), () => store.Frame(1, null));
            Assert.AreEqual(0, blobs.Writes);
            store.Save(new byte[16]);
            Assert.AreEqual(1, blobs.Writes);
        }

        [TestMethod]
        public void ASaveThatDoesNotReadBackIsAnErrorAndTheOlderCopyStays()
        {
            var flash = new WriteLosingBlobStore();
            var store = new TwoSlotStore(flash, "x.a", "x.b", "TEST", 1, 16);
            Assert.ThrowsException(typeof(IOException), () => store.Save(new byte[] { 1 }));
            Assert.AreEqual(0, store.LoadNewestFirst().Length);

            // Slot a holds sequence 5, slot b an older 4: the save goes to b, whose read-back still says 4.
            flash.Blobs.Put("x.a", store.Frame(5, new byte[] { 5 }));
            flash.Blobs.Put("x.b", store.Frame(4, new byte[] { 4 }));
            Assert.ThrowsException(typeof(IOException), () => store.Save(new byte[] { 6 }));
            byte[][] copies = store.LoadNewestFirst();
            Assert.AreEqual((byte)5, copies[0][0]);
            Assert.AreEqual((byte)4, copies[1][0]);
        }

        [TestMethod]
        public void RefusesCrcInputOutsideItsArray()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => Crc32.Compute(null, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Crc32.Compute(new byte[4], -1, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Crc32.Compute(new byte[4], 0, -1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Crc32.Update(0, new byte[4], 3, 2));
        }

        /// <summary>Flash that accepts every write and keeps none of them, as a worn-out sector may.</summary>
        private sealed class WriteLosingBlobStore : IBlobStore
        {
            public MemoryBlobStore Blobs { get; } = new MemoryBlobStore();

            public byte[] Read(string name, int maxBytes)
            {
                return Blobs.Read(name, maxBytes);
            }

            public void Write(string name, byte[] data)
            {
            }
        }
    }
}
