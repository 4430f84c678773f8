namespace CellularIot.Tests.Cloud.Mqtt
{
    using System;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class PacketFramerTests
    {
        [TestMethod]
        public void CutsPacketsOutOfAnyChunkSplit()
        {
            byte[] stream = BrokerPackets.Concat(
                BrokerPackets.Concat(BrokerPackets.Connack(0, true), BrokerPackets.Publish("a/b", "hello", 1, 5, false)),
                BrokerPackets.Concat(BrokerPackets.Pingresp(), BrokerPackets.Puback(9)));
            for (int seed = 0; seed < 20; seed++)
            {
                var random = new Random(seed);
                var framer = new PacketFramer(64);
                int at = 0;
                string types = string.Empty;
                while (at < stream.Length)
                {
                    int chunk = 1 + random.Next(5);
                    chunk = chunk < stream.Length - at ? chunk : stream.Length - at;
                    int end = at + chunk;
                    while (at < end)
                    {
                        at += framer.Feed(stream, at, end - at);
                        if (framer.HasPacket)
                        {
                            types += framer.Type + ":" + framer.BodyLength + " ";
                            framer.Next();
                        }
                    }
                }

                Assert.AreEqual("2:2 3:12 13:0 4:2 ", types);
            }
        }

        [TestMethod]
        public void StopsAtTheEndOfAPacket()
        {
            var framer = new PacketFramer(64);
            byte[] two = BrokerPackets.Concat(BrokerPackets.Puback(1), BrokerPackets.Puback(2));
            Assert.AreEqual(4, framer.Feed(two, 0, two.Length));
            Assert.AreEqual(1, PacketDecoder.ReadPacketId(framer.Body, framer.BodyLength, "PUBACK"));
            framer.Next();
            Assert.AreEqual(4, framer.Feed(two, 4, 4));
            Assert.AreEqual(2, PacketDecoder.ReadPacketId(framer.Body, framer.BodyLength, "PUBACK"));
        }

        [TestMethod]
        [DataRow(0x00)]
        [DataRow(0x10)]
        [DataRow(0x80)]
        [DataRow(0xC0)]
        [DataRow(0xE0)]
        [DataRow(0xF0)]
        public void RefusesTypesABrokerNeverSends(int first)
        {
            var framer = new PacketFramer(64);
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => framer.Feed(new byte[] { (byte)first, 0 }, 0, 2));
            Assert.AreEqual((int)MqttError.MalformedPacket, (int)ex.Error);
            Assert.Contains("not an MQTT packet a broker sends", ex.Message);
        }

        [TestMethod]
        [DataRow(0x21)]
        [DataRow(0x42)]
        [DataRow(0x98)]
        [DataRow(0xD1)]
        [DataRow(0x60)]
        [DataRow(0x36)]
        public void RefusesReservedFlags(int first)
        {
            var framer = new PacketFramer(64);
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => framer.Feed(new byte[] { (byte)first, 0 }, 0, 2));
            Assert.AreEqual((int)MqttError.MalformedPacket, (int)ex.Error);
        }

        [TestMethod]
        public void SaysHowFarAPacketGotWhenCutShort()
        {
            var framer = new PacketFramer(64);
            framer.Feed(new byte[] { 0x30, 0x0A, 0x00, 0x01, (byte)'a' }, 0, 5);
            Assert.IsTrue(framer.InPacket);
            Assert.AreEqual("PUBLISH cut short after 3 of 10 body bytes", framer.Progress);
            framer.Reset();
            Assert.IsFalse(framer.InPacket);
        }
    }
}
