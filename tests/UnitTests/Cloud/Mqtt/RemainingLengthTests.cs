namespace CellularIot.Tests.Cloud.Mqtt
{
    using System;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class RemainingLengthTests
    {
        [TestMethod]
        [DataRow(0, "00")]
        [DataRow(127, "7F")]
        [DataRow(128, "80 01")]
        [DataRow(16383, "FF 7F")]
        [DataRow(16384, "80 80 01")]
        [DataRow(2097151, "FF FF 7F")]
        [DataRow(2097152, "80 80 80 01")]
        [DataRow(268435455, "FF FF FF 7F")]
        public void EncodesTheBoundaries(int value, string hex)
        {
            byte[] expected = HexBytes.Parse(hex);
            byte[] buffer = new byte[6];
            Assert.AreEqual(expected.Length, RemainingLength.SizeOf(value));
            Assert.AreEqual(expected.Length, RemainingLength.Write(value, buffer, 1));
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], buffer[1 + i]);
            }
        }

        [TestMethod]
        [DataRow(0, "00")]
        [DataRow(127, "7F")]
        [DataRow(128, "80 01")]
        [DataRow(16383, "FF 7F")]
        [DataRow(16384, "80 80 01")]
        public void DecodesTheBoundaries(int value, string hex)
        {
            byte[] encoded = HexBytes.Parse(hex);
            var framer = new PacketFramer(16384);
            byte[] packet = new byte[1 + encoded.Length + value];
            packet[0] = 0x30;
            Array.Copy(encoded, 0, packet, 1, encoded.Length);
            Assert.AreEqual(packet.Length, framer.Feed(packet, 0, packet.Length));
            Assert.IsTrue(framer.HasPacket);
            Assert.AreEqual(value, framer.BodyLength);
        }

        [TestMethod]
        public void DecodesTheLargestValueAndRefusesItOverTheLimit()
        {
            var framer = new PacketFramer(16384);
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => framer.Feed(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0x7F }, 0, 5));
            Assert.AreEqual((int)MqttError.IncomingTooLarge, (int)ex.Error);
            Assert.Contains("268435455", ex.Message);
            Assert.Contains("limit of 16384", ex.Message);
        }

        [TestMethod]
        public void RefusesOneByteOverTheLimit()
        {
            var framer = new PacketFramer(16383);
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => framer.Feed(new byte[] { 0x30, 0x80, 0x80, 0x01 }, 0, 4));
            Assert.AreEqual((int)MqttError.IncomingTooLarge, (int)ex.Error);
            Assert.Contains("16384 bytes, above the limit of 16383", ex.Message);
        }

        [TestMethod]
        public void RefusesAFiveByteVarint()
        {
            var framer = new PacketFramer(1024);
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => framer.Feed(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F }, 0, 6));
            Assert.AreEqual((int)MqttError.MalformedPacket, (int)ex.Error);
            Assert.Contains("runs past 4 bytes", ex.Message);
        }

        [TestMethod]
        public void RefusesValuesOutsideTheRange()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => RemainingLength.SizeOf(-1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => RemainingLength.SizeOf(RemainingLength.Max + 1));
        }
    }
}
