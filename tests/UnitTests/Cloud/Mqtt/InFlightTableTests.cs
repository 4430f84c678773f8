namespace CellularIot.Tests.Cloud.Mqtt
{
    using CellularIot.Bytes;
    using CellularIot.Cloud.Mqtt;
    using nanoFramework.TestFramework;

    [TestClass]
    public class InFlightTableTests
    {
        [TestMethod]
        public void KeepsMessagesInSendingOrderAcrossFreedSlots()
        {
            var table = new InFlightTable(3, 64);
            Add(table, 10, "a/1", "one");
            Add(table, 11, "a/2", "two");
            Add(table, 12, "a/3", "three");
            Assert.AreEqual(-1, table.FindFree());
            Assert.IsTrue(table.Acknowledge(10));
            Add(table, 13, "a/4", "four");

            string order = string.Empty;
            for (int slot = table.First(); slot >= 0; slot = table.Next(slot))
            {
                order += table.PacketId(slot) + " ";
            }

            Assert.AreEqual("11 12 13 ", order);
            Assert.AreEqual(3, table.Count);
        }

        [TestMethod]
        public void GivesBackTheTopicAndPayloadOfASlot()
        {
            var table = new InFlightTable(1, 400);
            byte[] payload = new byte[200];
            payload[199] = 7;
            int slot = table.FindFree();
            int length = PacketEncoder.Publish(table.Packet(slot), "x/long", 6, payload, 0, 200, 1, 5);
            table.Commit(slot, 5, length);

            // 200 bytes of payload make a two-byte remaining length, which the slot decoding must skip.
            Assert.AreEqual("x/long", table.Topic(slot));
            byte[] copy = table.CopyPayload(slot);
            Assert.AreEqual(200, copy.Length);
            Assert.AreEqual((byte)7, copy[199]);
        }

        [TestMethod]
        public void BlamesTheOldestMessageSentOnTheDroppedConnectionWithinTheWindow()
        {
            var table = new InFlightTable(3, 64);
            int old = Add(table, 1, "a", "old");
            int first = Add(table, 2, "a", "first");
            int second = Add(table, 3, "a", "second");
            table.MarkSent(old, 1, 0);
            table.MarkSent(first, 2, 5000);
            table.MarkSent(second, 2, 5100);

            Assert.AreEqual(first, table.CountDrop(2, 6000, 10000));
            Assert.AreEqual(1, table.Drops(first));
            Assert.AreEqual(0, table.Drops(second));
            Assert.AreEqual(-1, table.CountDrop(2, 60000, 10000));
            Assert.AreEqual(-1, table.CountDrop(3, 6000, 10000));
        }

        private static int Add(InFlightTable table, int packetId, string topic, string payload)
        {
            int slot = table.FindFree();
            byte[] bytes = Utf8.GetBytes(payload);
            int length = PacketEncoder.Publish(table.Packet(slot), topic, Utf8.GetByteCount(topic), bytes, 0, bytes.Length, 1, packetId);
            table.Commit(slot, packetId, length);
            return slot;
        }
    }
}
