namespace CellularIot.Tests.Storage
{
    using CellularIot.Storage;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class TwoSlotStoreTests
    {
        [TestMethod]
        public void ASaveAfterTheLastSequenceNumberIsTheNewestCopy()
        {
            // Found by fuzzing (flash-stores): a slot at sequence 0xFFFFFFFF made every later save, numbered 0 after
            // the wrap, look older, so each load returned the copy from before the wrap and every save was lost.
            var blobs = new MemoryBlobStore();
            var store = new TwoSlotStore(blobs, "x.a", "x.b", "TEST", 1, 16);
            blobs.Put("x.a", store.Frame(0xFFFFFFFF, new byte[] { 1 }));

            store.Save(new byte[] { 2 });
            byte[][] copies = store.LoadNewestFirst();
            Assert.AreEqual(2, copies.Length);
            Assert.AreEqual((byte)2, copies[0][0]);

            store.Save(new byte[] { 3 });
            copies = store.LoadNewestFirst();
            Assert.AreEqual((byte)3, copies[0][0]);
            Assert.AreEqual((byte)2, copies[1][0]);
        }

        [TestMethod]
        public void TheHigherOfTwoNeighbouringSequencesIsNewer()
        {
            var blobs = new MemoryBlobStore();
            var store = new TwoSlotStore(blobs, "x.a", "x.b", "TEST", 1, 16);
            blobs.Put("x.a", store.Frame(7, new byte[] { 7 }));
            blobs.Put("x.b", store.Frame(8, new byte[] { 8 }));

            Assert.AreEqual((byte)8, store.LoadNewestFirst()[0][0]);

            store.Save(new byte[] { 9 });
            Assert.AreEqual((byte)9, store.LoadNewestFirst()[0][0]);
            Assert.AreEqual((byte)9, blobs.Get("x.a")[TwoSlotStore.HeaderBytes]);
        }
    }
}
