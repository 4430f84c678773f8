namespace CellularIot.Tests.Net
{
    using System;
    using CellularIot.Net;
    using CellularIot.Tests.Net.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class TransportReaderTests
    {
        [TestMethod]
        public void BufferedBytesComeFirstThenTheTransport()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed(new byte[] { 1, 2, 3, 4, 5 });
            transport.SplitRandomly(1, 1);
            var reader = new TransportReader(transport, 4);
            Assert.AreEqual(1, reader.Fill(100));
            Assert.AreEqual(1, reader.Fill(100));
            Assert.AreEqual(2, reader.Available);
            byte[] into = new byte[8];
            Assert.AreEqual(2, reader.Read(into, 0, 8, 100));
            Assert.AreEqual(1, reader.Read(into, 2, 8 - 2, 100));
            CollectionAssert.AreEqual(new byte[] { 1, 2, 3, 0, 0, 0, 0, 0 }, into);
        }

        [TestMethod]
        public void FindsAByteAndCompactsWhenFilling()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed(new byte[] { 9, 10, 11, 12, 13, 14 });
            var reader = new TransportReader(transport, 4);
            reader.Fill(100);
            Assert.AreEqual(1, reader.IndexOf(10));
            byte[] two = new byte[2];
            reader.Take(two, 0, 2);
            Assert.AreEqual(2, reader.Fill(100));
            Assert.AreEqual(3, reader.IndexOf(14));
            Assert.AreEqual(-1, reader.IndexOf(9));
        }

        [TestMethod]
        public void AFullBufferRefusesToFill()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed(new byte[] { 1, 2, 3 });
            var reader = new TransportReader(transport, 2);
            reader.Fill(100);
            Assert.ThrowsException(typeof(InvalidOperationException), () => reader.Fill(100));
        }

        [TestMethod]
        public void ATimeoutReadsNothingAndAClosePropagates()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.CloseWhenDrained = false;
            var reader = new TransportReader(transport, 8);
            Assert.AreEqual(0, reader.Fill(250));
            Assert.AreEqual(1250, clock.MonotonicMs);
            transport.CloseWhenDrained = true;
            Assert.ThrowsException(typeof(TransportClosedException), () => reader.Read(new byte[1], 0, 1, 10));
        }
    }
}
