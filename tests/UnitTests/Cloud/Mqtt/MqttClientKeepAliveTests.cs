namespace CellularIot.Tests.Cloud.Mqtt
{
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class MqttClientKeepAliveTests
    {
        [TestMethod]
        public void PingsWhenNothingWasSentForTheKeepAlive()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.KeepAliveSeconds = 30;
            var f = new ClientFixture(settings);
            f.Connect();
            long connectedAt = f.Clock.MonotonicMs;

            // A long poll still wakes at the keep-alive: the wait is cut to the ping's due time.
            Assert.IsTrue(f.Client.Poll(120000));
            Assert.AreEqual(2, f.Broker.Writes.Count);
            CollectionAssert.AreEqual(new byte[] { 0xC0, 0x00 }, f.Broker.LastWritten());
            Assert.AreEqual(connectedAt + 30000, (long)f.Broker.WriteTimes[1]);

            f.Broker.Send(BrokerPackets.Pingresp());
            Assert.IsTrue(f.Client.Poll(0));
            Assert.IsTrue(f.Client.Poll(0));

            // The next ping comes a keep-alive after the last one, not before.
            Assert.IsTrue(f.Client.Poll(120000));
            Assert.AreEqual(3, f.Broker.Writes.Count);
            Assert.AreEqual(connectedAt + 60000, (long)f.Broker.WriteTimes[2]);
        }

        [TestMethod]
        public void PublishingPostponesThePing()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.KeepAliveSeconds = 30;
            var f = new ClientFixture(settings);
            f.Connect();
            f.Clock.Advance(20000);
            f.Publish("t", "x", 0);
            Assert.IsTrue(f.Client.Poll(25000));
            Assert.AreEqual(2, f.Broker.Writes.Count);
            Assert.IsTrue(f.Client.Poll(25000));
            Assert.AreEqual(3, f.Broker.Writes.Count);
            Assert.AreEqual(50000L, (long)f.Broker.WriteTimes[2]);
        }

        [TestMethod]
        public void AMissingPingrespLosesTheConnection()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.KeepAliveSeconds = 30;
            settings.PingTimeoutMs = 5000;
            var f = new ClientFixture(settings);
            f.Connect();
            Assert.IsTrue(f.Client.Poll(30000));
            CollectionAssert.AreEqual(new byte[] { 0xC0, 0x00 }, f.Broker.LastWritten());

            bool up = true;
            for (int i = 0; i < 10 && up; i++)
            {
                up = f.Client.Poll(1000);
            }

            Assert.IsFalse(up);
            Assert.AreEqual(35000L, f.Clock.MonotonicMs);
            Assert.IsTrue(f.Broker.ClosedLocally);
            Assert.AreEqual(1, f.Listener.LossReasons.Count);
            Assert.AreEqual((int)ConnectionLossReason.PingTimeout, (int)f.Listener.LossReasons[0]);
            Assert.Contains("no PINGRESP within 5000 ms", (string)f.Listener.LossDetails[0]);
        }

        [TestMethod]
        public void PollWithoutAConnectionReturnsFalseAtOnce()
        {
            var f = new ClientFixture();
            Assert.IsFalse(f.Client.Poll(1000));
            Assert.AreEqual(0, f.Listener.LossReasons.Count);
        }
    }
}
