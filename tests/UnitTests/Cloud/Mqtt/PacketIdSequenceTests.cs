namespace CellularIot.Tests.Cloud.Mqtt
{
    using CellularIot.Cloud.Mqtt;
    using nanoFramework.TestFramework;

    [TestClass]
    public class PacketIdSequenceTests
    {
        [TestMethod]
        public void RunsFromOneToTheHighestAndWrapsPastZero()
        {
            var ids = new PacketIdSequence();
            var none = new InFlightTable(1, 16);
            Assert.AreEqual(1, ids.Next(none, 0));
            int id = 1;
            while (id < 65535)
            {
                int next = ids.Next(none, 0);
                Assert.AreEqual(id + 1, next);
                id = next;
            }

            Assert.AreEqual(1, ids.Next(none, 0));
            Assert.AreEqual(2, ids.Next(none, 0));
        }

        [TestMethod]
        public void SkipsIdsInFlightAndTheReservedOne()
        {
            var ids = new PacketIdSequence();
            var inFlight = new InFlightTable(2, 16);
            int slot = inFlight.FindFree();
            inFlight.Commit(slot, 2, PacketEncoder.Publish(inFlight.Packet(slot), "t", 1, new byte[1], 0, 1, 1, 2));
            Assert.AreEqual(1, ids.Next(inFlight, 3));
            Assert.AreEqual(4, ids.Next(inFlight, 3));
        }

        [TestMethod]
        public void SkipsInUseIdsAcrossTheWrap()
        {
            var ids = new PacketIdSequence();
            var inFlight = new InFlightTable(1, 16);
            var none = new InFlightTable(1, 16);
            for (int i = 0; i < 65534; i++)
            {
                ids.Next(none, 0);
            }

            int slot = inFlight.FindFree();
            inFlight.Commit(slot, 1, PacketEncoder.Publish(inFlight.Packet(slot), "t", 1, new byte[1], 0, 1, 1, 1));
            Assert.AreEqual(65535, ids.Next(inFlight, 0));
            Assert.AreEqual(2, ids.Next(inFlight, 0));
        }
    }
}
