namespace CellularIot.Tests.Cloud.Mqtt
{
    using CellularIot.Bytes;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class MqttClientQuarantineTests
    {
        [TestMethod]
        public void SetsAsideAMessageTheBrokerDropsTheConnectionForNTimes()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.QuarantineAfterDrops = 3;
            var f = new ClientFixture(settings);
            f.Connect();
            int good = f.Publish("ok", "fine", 1);
            f.Broker.Send(BrokerPackets.Puback(good));
            PollUntilRead(f);
            int forbidden = f.Publish("forbidden", "nope", 1);

            for (int drop = 1; drop <= 3; drop++)
            {
                // The broker closes right after the PUBLISH arrives (an unauthorized publish).
                f.Clock.Advance(200);
                f.Broker.CloseFromPeer();
                Assert.IsFalse(f.Client.Poll(0));
                Assert.AreEqual(drop == 3 ? 1 : 0, f.Listener.Quarantined.Count);
                f.Connect();
                if (drop < 3)
                {
                    // Retried with DUP after each reconnect until the limit.
                    Assert.AreEqual(2, f.Broker.Writes.Count);
                    Assert.AreEqual((byte)0x3A, f.Broker.Written(1)[0]);
                }
            }

            Assert.AreEqual(1, f.Broker.Writes.Count);
            Assert.AreEqual(0, f.Client.InFlightCount);
            Assert.AreEqual(1, f.Listener.Quarantined.Count);
            var report = (QuarantinedMessage)f.Listener.Quarantined[0];
            Assert.AreEqual(forbidden, report.PacketId);
            Assert.AreEqual(ClientFixture.Topic("forbidden"), report.Topic);
            Assert.AreEqual("nope", Utf8.Decode(report.Payload));
            Assert.AreEqual(3, report.Drops);
            Assert.Contains("quarantined after 3 connection drops", f.Log.All);
        }

        [TestMethod]
        public void ADropLongAfterSendingDoesNotCount()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.QuarantineAfterDrops = 1;
            settings.RejectWindowMs = 10000;
            var f = new ClientFixture(settings);
            f.Connect();
            f.Publish("slow", "x", 1);
            f.Clock.Advance(20000);
            f.Broker.CloseFromPeer();
            Assert.IsFalse(f.Client.Poll(0));

            Assert.AreEqual(0, f.Listener.Quarantined.Count);
            Assert.AreEqual(1, f.Client.InFlightCount);
        }

        [TestMethod]
        public void OnlyTheOldestUnacknowledgedMessageIsBlamed()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.QuarantineAfterDrops = 1;
            var f = new ClientFixture(settings);
            f.Connect();
            int suspect = f.Publish("a", "first", 1);
            f.Publish("a", "second", 1);
            f.Broker.CloseFromPeer();
            Assert.IsFalse(f.Client.Poll(0));

            Assert.AreEqual(1, f.Listener.Quarantined.Count);
            Assert.AreEqual(suspect, ((QuarantinedMessage)f.Listener.Quarantined[0]).PacketId);
            Assert.AreEqual(1, f.Client.InFlightCount);
        }

        [TestMethod]
        public void ALocalDisconnectOrPingTimeoutIsNoStrike()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.QuarantineAfterDrops = 1;
            var f = new ClientFixture(settings);
            f.Connect();
            f.Publish("a", "x", 1);
            f.Client.Disconnect();
            Assert.IsFalse(f.Client.Poll(0));
            Assert.AreEqual(0, f.Listener.Quarantined.Count);
            Assert.AreEqual(1, f.Client.InFlightCount);
        }

        private static void PollUntilRead(ClientFixture f)
        {
            for (int i = 0; i < 100 && f.Broker.Unread > 0; i++)
            {
                f.Client.Poll(0);
            }
        }
    }
}
