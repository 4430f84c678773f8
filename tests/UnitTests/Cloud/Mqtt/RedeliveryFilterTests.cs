namespace CellularIot.Tests.Cloud.Mqtt
{
    using System;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class RedeliveryFilterTests
    {
        [TestMethod]
        public void ADupCopyOnTheSameConnectionIsARedelivery()
        {
            var filter = new RedeliveryFilter(4, 60000);
            Assert.IsFalse(filter.IsRedelivery(Message("a/b", "x", 1, false), 1, 0));
            Assert.IsTrue(filter.IsRedelivery(Message("a/b", "x", 1, true), 1, 10));
        }

        [TestMethod]
        public void AFreshCopyOnALaterConnectionIsARedeliveryWhateverItsId()
        {
            var filter = new RedeliveryFilter(4, 60000);
            Assert.IsFalse(filter.IsRedelivery(Message("a/b", "x", 1, false), 1, 0));
            Assert.IsTrue(filter.IsRedelivery(Message("a/b", "x", 99, false), 2, 10));
        }

        [TestMethod]
        public void AFreshCopyOnTheSameConnectionIsNew()
        {
            var filter = new RedeliveryFilter(4, 60000);
            Assert.IsFalse(filter.IsRedelivery(Message("a/b", "x", 1, false), 1, 0));
            Assert.IsFalse(filter.IsRedelivery(Message("a/b", "x", 2, false), 1, 10));
        }

        [TestMethod]
        public void ADifferentTopicOrPayloadIsNew()
        {
            var filter = new RedeliveryFilter(4, 60000);
            Assert.IsFalse(filter.IsRedelivery(Message("a/b", "x", 1, false), 1, 0));
            Assert.IsFalse(filter.IsRedelivery(Message("a/c", "x", 1, true), 2, 0));
            Assert.IsFalse(filter.IsRedelivery(Message("a/b", "y", 1, true), 2, 0));
            Assert.IsFalse(filter.IsRedelivery(Message("a/b", "xx", 1, true), 2, 0));
        }

        [TestMethod]
        public void ForgetsAfterTheWindowAndBeyondTheHistory()
        {
            var filter = new RedeliveryFilter(2, 1000);
            Assert.IsFalse(filter.IsRedelivery(Message("a/b", "x", 1, false), 1, 0));
            Assert.IsFalse(filter.IsRedelivery(Message("a/b", "x", 1, true), 2, 1001));

            // Two newer messages push the oldest out of a history of two.
            var full = new RedeliveryFilter(2, 60000);
            full.IsRedelivery(Message("a/1", "x", 1, false), 1, 0);
            full.IsRedelivery(Message("a/2", "x", 2, false), 1, 0);
            full.IsRedelivery(Message("a/3", "x", 3, false), 1, 0);
            Assert.IsFalse(full.IsRedelivery(Message("a/1", "x", 4, true), 2, 0));
            Assert.IsTrue(full.IsRedelivery(Message("a/3", "x", 5, true), 2, 0));
        }

        private static MqttMessage Message(string topic, string payload, int packetId, bool dup)
        {
            byte[] packet = BrokerPackets.Publish(topic, payload, 1, packetId, dup);
            byte[] body = new byte[packet.Length - 2];
            Array.Copy(packet, 2, body, 0, body.Length);
            var message = new MqttMessage();
            PacketDecoder.ReadPublish(packet[0], body, body.Length, message);
            return message;
        }
    }
}
