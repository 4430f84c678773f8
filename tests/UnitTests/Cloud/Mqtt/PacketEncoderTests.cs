namespace CellularIot.Tests.Cloud.Mqtt
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class PacketEncoderTests
    {
        private const string Iccid = "8988228066612345678";

        // A custom-authorizer user name in the form 1NCE hands out: 350 bytes, so CONNECT needs a two-byte
        // remaining length. The signature is URL-encoded (%2B %2F %3D) and must reach the broker unchanged.
        private const string Username = "8988228066612345678?x-amz-customauthorizer-name=1nce-jwt-authorizer&x-amz-customauthorizer-signature="
            + "Zm9vYmFyYmF6cXV4%2Bc2lnbmF0dXJlL3dpdGgvc2xhc2hlcw%3D%3D%2FQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo%3D"
            + "&token=eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI4OTg4MjI4MDY2NjEyMzQ1Njc4IiwiZXhwIjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlLXBsYWNlaG9sZGVyLWZvci10aGUtdGVzdA";

        private static readonly string[] TwoFilters = new string[] { "a/+", "a/#" };

        [TestMethod]
        public void ConnectCarriesTheLongCustomAuthUsernameByteForByte()
        {
            Assert.AreEqual(350, Username.Length);
            byte[] buffer = new byte[512];
            int length = PacketEncoder.Connect(buffer, Iccid, Username, true, 300);

            // Remaining length = 10 (variable header) + 2 + 19 (client ID) + 2 + 350 (user name) = 383
            // = 0x17F, which is FF 02 as a variable byte integer.
            byte[] head = new byte[]
            {
                0x10, 0xFF, 0x02,
                0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04,
                0x82, // user name flag + clean session, no password, no will
                0x01, 0x2C, // keep-alive 300 s
                0x00, 0x13,
            };
            Assert.AreEqual(1 + 2 + 383, length);
            AssertBytes(head, buffer, 0);
            AssertBytes(Utf8.GetBytes(Iccid), buffer, head.Length);
            int at = head.Length + 19;
            Assert.AreEqual((byte)0x01, buffer[at]);
            Assert.AreEqual((byte)0x5E, buffer[at + 1]);
            AssertBytes(Utf8.GetBytes(Username), buffer, at + 2);
            Assert.AreEqual(length, at + 2 + 350);
        }

        [TestMethod]
        public void ConnectWithoutUsernameAndWithAPersistentSession()
        {
            byte[] buffer = new byte[64];
            int length = PacketEncoder.Connect(buffer, "abc", null, false, 30);
            byte[] expected = new byte[]
            {
                0x10, 0x0F,
                0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04,
                0x00, 0x00, 0x1E,
                0x00, 0x03, (byte)'a', (byte)'b', (byte)'c',
            };
            AssertPacket(expected, buffer, length);
        }

        [TestMethod]
        public void PublishQos0()
        {
            byte[] buffer = new byte[64];
            string topic = Iccid + "/t";
            int length = PacketEncoder.Publish(buffer, topic, 21, new byte[] { (byte)'h', (byte)'i' }, 0, 2, 0, 0);

            // 2 + 21 + 2 = 25 = 0x19; no packet identifier at QoS 0.
            byte[] expected = Join(new byte[] { 0x30, 0x19, 0x00, 0x15 }, Utf8.GetBytes(topic), new byte[] { (byte)'h', (byte)'i' });
            AssertPacket(expected, buffer, length);
            Assert.AreEqual(length, PacketEncoder.PublishSize(21, 2, 0));
        }

        [TestMethod]
        public void PublishQos1WithPacketIdAndDup()
        {
            byte[] buffer = new byte[64];
            string topic = Iccid + "/t";
            byte[] payload = new byte[] { 9, (byte)'h', (byte)'i', 9 };
            int length = PacketEncoder.Publish(buffer, topic, 21, payload, 1, 2, 1, 0x1234);

            // 2 + 21 + 2 (id) + 2 = 27 = 0x1B; QoS 1 is bit 1 of the first byte.
            byte[] expected = Join(new byte[] { 0x32, 0x1B, 0x00, 0x15 }, Utf8.GetBytes(topic), new byte[] { 0x12, 0x34, (byte)'h', (byte)'i' });
            AssertPacket(expected, buffer, length);

            PacketEncoder.SetDup(buffer, 0);
            Assert.AreEqual((byte)0x3A, buffer[0]);
        }

        [TestMethod]
        public void PublishWithAnEmptyPayload()
        {
            byte[] buffer = new byte[64];
            int length = PacketEncoder.Publish(buffer, "a/b", 3, null, 0, 0, 0, 0);
            AssertPacket(new byte[] { 0x30, 0x05, 0x00, 0x03, (byte)'a', (byte)'/', (byte)'b' }, buffer, length);
        }

        [TestMethod]
        public void SubscribeTwoFilters()
        {
            byte[] buffer = new byte[64];
            int length = PacketEncoder.Subscribe(buffer, 7, TwoFilters, 1);

            // 2 (id) + 2 * (2 + 3 + 1) = 14 = 0x0E; the fixed header's flags are 0010.
            byte[] expected = new byte[]
            {
                0x82, 0x0E, 0x00, 0x07,
                0x00, 0x03, (byte)'a', (byte)'/', (byte)'+', 0x01,
                0x00, 0x03, (byte)'a', (byte)'/', (byte)'#', 0x01,
            };
            AssertPacket(expected, buffer, length);
        }

        [TestMethod]
        public void PingreqDisconnectAndPuback()
        {
            byte[] buffer = new byte[8];
            AssertPacket(new byte[] { 0xC0, 0x00 }, buffer, PacketEncoder.Pingreq(buffer));
            AssertPacket(new byte[] { 0xE0, 0x00 }, buffer, PacketEncoder.Disconnect(buffer));
            AssertPacket(new byte[] { 0x40, 0x02, 0xAB, 0xCD }, buffer, PacketEncoder.Puback(buffer, 0xABCD));
        }

        [TestMethod]
        public void RefusesAPacketThatDoesNotFitBeforeWritingIt()
        {
            byte[] buffer = new byte[30];
            buffer[0] = 0x55;
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => PacketEncoder.Connect(buffer, Iccid, Username, true, 60));
            Assert.AreEqual((int)MqttError.PacketTooLarge, (int)ex.Error);
            Assert.Contains("CONNECT needs 386 bytes but the buffer holds 30", ex.Message);
            Assert.AreEqual((byte)0x55, buffer[0]);
        }

        [TestMethod]
        public void RefusesQos2AndPacketIdZero()
        {
            byte[] buffer = new byte[64];
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => PacketEncoder.Publish(buffer, "a", 1, null, 0, 0, 2, 1));
            Assert.AreEqual((int)MqttError.QosNotSupported, (int)ex.Error);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PacketEncoder.Publish(buffer, "a", 1, null, 0, 0, 1, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => PacketEncoder.Puback(buffer, 65536));
        }

        private static void AssertPacket(byte[] expected, byte[] buffer, int length)
        {
            Assert.AreEqual(expected.Length, length);
            AssertBytes(expected, buffer, 0);
        }

        private static void AssertBytes(byte[] expected, byte[] buffer, int offset)
        {
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], buffer[offset + i], "byte " + (offset + i));
            }
        }

        private static byte[] Join(byte[] a, byte[] b, byte[] c)
        {
            return BrokerPackets.Concat(BrokerPackets.Concat(a, b), c);
        }
    }
}
