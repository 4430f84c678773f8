namespace CellularIot.Tests.At
{
    using System;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class ByteRingTests
    {
        [TestMethod]
        public void KeepsOrderAcrossTheWrapPoint()
        {
            var ring = new ByteRing(4);
            ring.Write(new byte[] { 1, 2, 3 }, 0, 3);
            Assert.AreEqual((byte)1, ring.ReadByte());
            Assert.AreEqual((byte)2, ring.ReadByte());
            Assert.AreEqual(3, ring.Write(new byte[] { 4, 5, 6 }, 0, 3));

            byte[] all = new byte[4];
            Assert.AreEqual(4, ring.Read(all, 0, 4));
            CollectionAssert.AreEqual(new byte[] { 3, 4, 5, 6 }, all);
            Assert.AreEqual(0, ring.Count);
        }

        [TestMethod]
        public void AcceptsOnlyWhatFitsAndSaysHowMuch()
        {
            var ring = new ByteRing(3);
            Assert.AreEqual(3, ring.Write(new byte[] { 9, 8, 7, 6, 5 }, 0, 5));
            Assert.AreEqual(0, ring.Free);
            Assert.IsFalse(ring.WriteByte(1));
            Assert.AreEqual(0, ring.Write(new byte[] { 1 }, 0, 1));
        }

        [TestMethod]
        public void PeekLeavesBytesInPlace()
        {
            var ring = new ByteRing(8);
            ring.Write(new byte[] { 10, 20, 30 }, 0, 3);
            byte[] copy = new byte[2];
            Assert.AreEqual(2, ring.Peek(copy, 0, 2));
            CollectionAssert.AreEqual(new byte[] { 10, 20 }, copy);
            Assert.AreEqual(3, ring.Count);
            Assert.AreEqual((byte)30, ring.PeekAt(2));
        }

        [TestMethod]
        public void FindsAByteAcrossTheWrapPoint()
        {
            var ring = new ByteRing(4);
            ring.Write(new byte[] { 1, 2, 3, 4 }, 0, 4);
            ring.Skip(3);
            ring.Write(new byte[] { 13, 10 }, 0, 2);
            Assert.AreEqual(2, ring.IndexOf(10));
            Assert.AreEqual(-1, ring.IndexOf(99));
        }

        [TestMethod]
        public void SkipAndClearEmpty()
        {
            var ring = new ByteRing(4);
            ring.Write(new byte[] { 1, 2, 3 }, 0, 3);
            Assert.AreEqual(3, ring.Skip(10));
            ring.WriteByte(7);
            ring.Clear();
            Assert.AreEqual(0, ring.Count);
            Assert.AreEqual(4, ring.Free);
        }

        [TestMethod]
        public void RefusesBadArguments()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new ByteRing(0));
            var ring = new ByteRing(2);
            Assert.ThrowsException(typeof(InvalidOperationException), () => ring.ReadByte());
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ring.PeekAt(0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => ring.Write(new byte[2], 1, 2));
            Assert.ThrowsException(typeof(ArgumentNullException), () => ring.Read(null, 0, 1));
        }
    }
}
