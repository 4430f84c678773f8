namespace CellularIot.Tests.Cloud.Mqtt
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class PacketDecoderTests
    {
        [TestMethod]
        public void ReadsConnack()
        {
            bool sessionPresent;
            Assert.AreEqual(0, PacketDecoder.ReadConnack(new byte[] { 0x01, 0x00 }, 2, out sessionPresent));
            Assert.IsTrue(sessionPresent);
            Assert.AreEqual(5, PacketDecoder.ReadConnack(new byte[] { 0x00, 0x05 }, 2, out sessionPresent));
            Assert.IsFalse(sessionPresent);
        }

        [TestMethod]
        public void RefusesMalformedConnacks()
        {
            bool sessionPresent;
            AssertMalformed(() => PacketDecoder.ReadConnack(new byte[] { 0x00, 0x00, 0x00 }, 3, out sessionPresent), "remaining length is 3, must be 2");
            AssertMalformed(() => PacketDecoder.ReadConnack(new byte[] { 0x02, 0x00 }, 2, out sessionPresent), "reserved bits");
            AssertMalformed(() => PacketDecoder.ReadConnack(new byte[] { 0x00, 0x06 }, 2, out sessionPresent), "unknown return code 6");
        }

        [TestMethod]
        public void ReadsSubackCodesIncludingFailure()
        {
            var codes = new SubscribeReturnCode[3];
            Assert.AreEqual(0x0102, PacketDecoder.ReadSuback(new byte[] { 0x01, 0x02, 0x00, 0x80, 0x01 }, 5, codes));
            Assert.AreEqual((int)SubscribeReturnCode.GrantedQos0, (int)codes[0]);
            Assert.AreEqual((int)SubscribeReturnCode.Failure, (int)codes[1]);
            Assert.AreEqual((int)SubscribeReturnCode.GrantedQos1, (int)codes[2]);
        }

        [TestMethod]
        public void RefusesBadSubacks()
        {
            AssertMalformed(() => PacketDecoder.ReadSuback(new byte[] { 0x00, 0x01 }, 2, new SubscribeReturnCode[1]), "shorter than a packet identifier and one return code");
            AssertMalformed(() => PacketDecoder.ReadSuback(new byte[] { 0x00, 0x01, 0x03 }, 3, new SubscribeReturnCode[1]), "return code 0x03 for filter 0");
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => PacketDecoder.ReadSuback(new byte[] { 0x00, 0x01, 0x00, 0x00 }, 4, new SubscribeReturnCode[1]));
            Assert.AreEqual((int)MqttError.ProtocolViolation, (int)ex.Error);
        }

        [TestMethod]
        public void ReadsPubackAndRefusesIdZeroOrWrongLength()
        {
            Assert.AreEqual(0xBEEF, PacketDecoder.ReadPacketId(new byte[] { 0xBE, 0xEF }, 2, "PUBACK"));
            AssertMalformed(() => PacketDecoder.ReadPacketId(new byte[] { 0, 0 }, 2, "PUBACK"), "packet identifier 0");
            AssertMalformed(() => PacketDecoder.ReadPacketId(new byte[] { 0, 1, 2 }, 3, "PUBACK"), "must be 2");
        }

        [TestMethod]
        public void ReadsPublishQos0AndQos1()
        {
            var message = new MqttMessage();
            byte[] qos0 = BrokerPackets.Publish("a/b", "xyz", 0, 0, false);
            PacketDecoder.ReadPublish(qos0[0], Body(qos0), qos0.Length - 2, message);
            Assert.AreEqual("a/b", message.GetTopic());
            Assert.AreEqual("xyz", Utf8.Decode(message.CopyPayload()));
            Assert.AreEqual(0, message.Qos);
            Assert.AreEqual(0, message.PacketId);

            byte[] qos1 = BrokerPackets.Publish("a/b", "xyz", 1, 0x0A0B, true);
            PacketDecoder.ReadPublish(qos1[0], Body(qos1), qos1.Length - 2, message);
            Assert.AreEqual(1, message.Qos);
            Assert.IsTrue(message.Dup);
            Assert.AreEqual(0x0A0B, message.PacketId);
            Assert.AreEqual(3, message.PayloadLength);
        }

        [TestMethod]
        public void DecodesNonAsciiTopics()
        {
            var message = new MqttMessage();
            byte[] packet = BrokerPackets.Publish("a/ü", "x", 0, 0, false);
            PacketDecoder.ReadPublish(packet[0], Body(packet), packet.Length - 2, message);
            Assert.AreEqual(4, message.TopicLength);
            Assert.AreEqual("a/ü", message.GetTopic());
        }

        [TestMethod]
        public void RefusesTruncatedAndBadPublishes()
        {
            var message = new MqttMessage();
            AssertMalformed(() => PacketDecoder.ReadPublish(0x30, new byte[] { 0x00 }, 1, message), "cannot hold the topic length");
            AssertMalformed(() => PacketDecoder.ReadPublish(0x30, new byte[] { 0x00, 0x09, (byte)'a' }, 3, message), "run past the remaining length 3");
            AssertMalformed(() => PacketDecoder.ReadPublish(0x32, new byte[] { 0x00, 0x01, (byte)'a', 0x00 }, 4, message), "run past the remaining length 4");
            AssertMalformed(() => PacketDecoder.ReadPublish(0x32, new byte[] { 0x00, 0x01, (byte)'a', 0x00, 0x00 }, 5, message), "packet identifier 0");
            AssertMalformed(() => PacketDecoder.ReadPublish(0x30, new byte[] { 0x00, 0x00 }, 2, message), "the topic is empty");
            AssertMalformed(() => PacketDecoder.ReadPublish(0x30, new byte[] { 0x00, 0x01, 0xC0 }, 3, message), "not valid UTF-8");
            AssertMalformed(() => PacketDecoder.ReadPublish(0x30, new byte[] { 0x00, 0x01, (byte)'#' }, 3, message), "wildcard");
        }

        [TestMethod]
        public void RefusesANonEmptyPingresp()
        {
            PacketDecoder.ReadPingresp(0);
            AssertMalformed(() => PacketDecoder.ReadPingresp(1), "PINGRESP");
        }

        private static byte[] Body(byte[] packet)
        {
            byte[] body = new byte[packet.Length - 2];
            Array.Copy(packet, 2, body, 0, body.Length);
            return body;
        }

        private static void AssertMalformed(Action action, string expected)
        {
            var ex = (MqttException)Expect.Throws(typeof(MqttException), action);
            Assert.AreEqual((int)MqttError.MalformedPacket, (int)ex.Error);
            Assert.Contains(expected, ex.Message);
        }
    }
}
