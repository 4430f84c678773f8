namespace CellularIot.Tests.Cloud.Mqtt
{
    using CellularIot.Bytes;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class MqttClientPublishTests
    {
        [TestMethod]
        public void PublishesQos0AsOnePacket()
        {
            var f = new ClientFixture();
            f.Connect();
            Assert.AreEqual(0, f.Publish("t", "hi", 0));
            byte[] expected = BrokerPackets.Concat(new byte[] { 0x30, 0x19, 0x00, 0x15 }, Utf8.GetBytes(ClientFixture.Topic("t") + "hi"));
            CollectionAssert.AreEqual(expected, f.Broker.LastWritten());
            Assert.AreEqual(0, f.Client.InFlightCount);
        }

        [TestMethod]
        public void PublishesQos1AndFreesTheSlotOnPuback()
        {
            var f = new ClientFixture();
            f.Connect();
            int id = f.Publish("t", "hi", 1);
            Assert.AreEqual(1, id);
            byte[] expected = BrokerPackets.Concat(new byte[] { 0x32, 0x1B, 0x00, 0x15 }, BrokerPackets.Concat(Utf8.GetBytes(ClientFixture.Topic("t")), new byte[] { 0x00, 0x01, (byte)'h', (byte)'i' }));
            CollectionAssert.AreEqual(expected, f.Broker.LastWritten());
            Assert.AreEqual(1, f.Client.InFlightCount);

            f.Broker.Send(BrokerPackets.Puback(id));
            PollUntilRead(f);
            Assert.AreEqual(0, f.Client.InFlightCount);
            Assert.AreEqual(1, f.Listener.Delivered.Count);
            Assert.AreEqual(id, (int)f.Listener.Delivered[0]);
        }

        [TestMethod]
        public void PacketIdsCountUpFromOneAndAreFreedByTheirPuback()
        {
            // The wrap-around at 65535 is PacketIdSequenceTests' job: 65,536 publishes do not fit a device's heap.
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.InFlightCapacity = 1;
            var f = new ClientFixture(settings);
            f.Connect();
            byte[] payload = new byte[1];
            string topic = ClientFixture.Topic("t");
            for (int expected = 1; expected <= 3; expected++)
            {
                int id = f.Client.Publish(topic, payload, 0, 1, 1);
                Assert.AreEqual(expected, id);
                f.Broker.Send(BrokerPackets.Puback(id));
                while (f.Broker.Unread > 0)
                {
                    f.Client.Poll(0);
                }
            }
        }

        [TestMethod]
        public void SkipsPacketIdsStillInFlight()
        {
            var f = new ClientFixture();
            f.Connect();
            int first = f.Publish("a", "1", 1);
            int second = f.Publish("a", "2", 1);
            Assert.AreEqual(1, first);
            Assert.AreEqual(2, second);
            Assert.AreNotEqual(first, second);
        }

        [TestMethod]
        public void AFullInFlightTableIsAClearErrorAndSendsNothing()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.InFlightCapacity = 2;
            var f = new ClientFixture(settings);
            f.Connect();
            f.Publish("a", "1", 1);
            f.Publish("a", "2", 1);
            int writes = f.Broker.Writes.Count;
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => f.Publish("a", "3", 1));
            Assert.AreEqual((int)MqttError.InFlightFull, (int)ex.Error);
            Assert.Contains("all 2 in-flight slots", ex.Message);
            Assert.AreEqual(writes, f.Broker.Writes.Count);

            // QoS 0 does not need a slot.
            f.Publish("a", "4", 0);
            Assert.AreEqual(writes + 1, f.Broker.Writes.Count);
        }

        [TestMethod]
        public void RefusesQos2AndRetainLocally()
        {
            var f = new ClientFixture();
            f.Connect();
            byte[] payload = new byte[] { 1 };
            var qos2 = (MqttException)Expect.Throws(typeof(MqttException), () => f.Client.Publish(ClientFixture.Topic("t"), payload, 0, 1, 2));
            Assert.AreEqual((int)MqttError.QosNotSupported, (int)qos2.Error);
            Assert.Contains("QoS 2 refused", qos2.Message);
            var retain = (MqttException)Expect.Throws(typeof(MqttException), () => f.Client.Publish(ClientFixture.Topic("t"), payload, 0, 1, 1, true));
            Assert.AreEqual((int)MqttError.RetainNotSupported, (int)retain.Error);
            Assert.Contains("RETAIN refused", retain.Message);
            var subscribeQos2 = (MqttException)Expect.Throws(typeof(MqttException), () => f.Client.Subscribe(new string[] { ClientFixture.Topic("#") }, 2));
            Assert.AreEqual((int)MqttError.QosNotSupported, (int)subscribeQos2.Error);
            Assert.AreEqual(1, f.Broker.Writes.Count);
        }

        [TestMethod]
        public void RefusesWhatDoesNotFitTheBuffers()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.InFlightSlotBytes = 100;
            settings.MaxPacketBytes = 200;
            var f = new ClientFixture(settings);
            f.Connect();
            byte[] payload = new byte[150];
            var slot = (MqttException)Expect.Throws(typeof(MqttException), () => f.Client.Publish(ClientFixture.Topic("t"), payload, 0, 150, 1));
            Assert.AreEqual((int)MqttError.PacketTooLarge, (int)slot.Error);
            Assert.Contains("InFlightSlotBytes", slot.Message);
            f.Client.Publish(ClientFixture.Topic("t"), payload, 0, 150, 0);
            var send = (MqttException)Expect.Throws(typeof(MqttException), () => f.Client.Publish(ClientFixture.Topic("t"), new byte[300], 0, 300, 0));
            Assert.Contains("MaxPacketBytes", send.Message);
        }

        [TestMethod]
        public void AQos1MessageWaitsForTheConnectionAndGoesOutWithConnect()
        {
            var f = new ClientFixture();
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => f.Publish("t", "x", 0));
            Assert.AreEqual((int)MqttError.NotConnected, (int)ex.Error);

            int id = f.Publish("t", "waits", 1);
            Assert.AreEqual(1, f.Client.InFlightCount);
            f.NewBroker(BrokerPackets.Connack(0, false));
            string[] filters = { ClientFixture.Topic("commands/#") };
            Assert.IsTrue(f.Client.Connect(f.Broker, filters, 1).IsAccepted);

            // CONNECT, the message (first sent: no DUP) and SUBSCRIBE in one write, nothing after CONNACK.
            Assert.AreEqual(1, f.Broker.WriteCalls);
            Assert.AreEqual(3, f.Broker.Writes.Count);
            Assert.AreEqual((byte)0x10, f.Broker.Written(0)[0]);
            Assert.AreEqual((byte)0x32, f.Broker.Written(1)[0]);
            Assert.AreEqual((byte)0x82, f.Broker.Written(2)[0]);
            f.Broker.Send(BrokerPackets.Puback(id));
            PollUntilRead(f);
            Assert.AreEqual(0, f.Client.InFlightCount);
        }

        [TestMethod]
        public void WhatDoesNotFitWithConnectGoesOutOnItsOwn()
        {
            // Room for CONNECT and one message: the second message follows CONNACK, SUBSCRIBE follows CONNECT's write.
            var settings = new MqttSettings(ClientFixture.Iccid, "u");
            settings.MaxPacketBytes = 128;
            var f = new ClientFixture(settings);
            f.Publish("t", "the first message, forty bytes long......", 1);
            f.Publish("t", "the second message, forty bytes long.....", 1);
            f.NewBroker(BrokerPackets.Connack(0, false));
            string[] filters = { ClientFixture.Topic("commands/a-long-filter-that-will-not-fit-into-the-connect-write/#") };
            Assert.IsTrue(f.Client.Connect(f.Broker, filters, 1).IsAccepted);

            Assert.AreEqual(4, f.Broker.Writes.Count);
            Assert.AreEqual((byte)0x10, f.Broker.Written(0)[0]);
            Assert.AreEqual((byte)0x32, f.Broker.Written(1)[0]);
            Assert.AreEqual((byte)0x82, f.Broker.Written(2)[0]);
            Assert.AreEqual((byte)0x32, f.Broker.Written(3)[0]);
            Assert.AreEqual(3, f.Broker.WriteCalls);
        }

        [TestMethod]
        public void RetransmitsWithDupAfterReconnectUntilPuback()
        {
            var f = new ClientFixture();
            f.Connect();
            int first = f.Publish("a", "one", 1);
            int second = f.Publish("a", "two", 1);
            byte[] firstPacket = f.Broker.Written(1);
            byte[] secondPacket = f.Broker.Written(2);

            // The connection drops before either PUBACK.
            f.Broker.CloseFromPeer();
            Assert.IsFalse(f.Client.Poll(100));
            Assert.AreEqual(1, f.Listener.LossReasons.Count);
            Assert.AreEqual((int)ConnectionLossReason.TransportClosed, (int)f.Listener.LossReasons[0]);

            // Both go out again, oldest first, same ids, DUP set; only the first is acknowledged.
            f.Connect();
            Assert.AreEqual(3, f.Broker.Writes.Count);
            AssertDupCopy(firstPacket, f.Broker.Written(1));
            AssertDupCopy(secondPacket, f.Broker.Written(2));
            f.Broker.Send(BrokerPackets.Puback(first));
            PollUntilRead(f);
            Assert.AreEqual(1, f.Client.InFlightCount);
            f.Broker.CloseFromPeer();
            Assert.IsFalse(f.Client.Poll(100));

            // Only the second remains.
            f.Connect();
            Assert.AreEqual(2, f.Broker.Writes.Count);
            AssertDupCopy(secondPacket, f.Broker.Written(1));
            f.Broker.Send(BrokerPackets.Puback(second));
            PollUntilRead(f);
            Assert.AreEqual(0, f.Client.InFlightCount);

            // Nothing is left to resend.
            f.Client.Disconnect();
            f.Client.Poll(0);
            f.Connect();
            Assert.AreEqual(1, f.Broker.Writes.Count);
        }

        [TestMethod]
        public void AFailedQos1WriteKeepsTheMessageForTheNextConnection()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.FailWrites = true;
            int id = f.Publish("a", "kept", 1);
            Assert.AreEqual(1, id);
            Assert.AreEqual(1, f.Client.InFlightCount);
            Assert.IsFalse(f.Client.IsConnected);
            Assert.IsFalse(f.Client.Poll(0));
            Assert.AreEqual((int)ConnectionLossReason.WriteFailed, (int)f.Listener.LossReasons[0]);

            f.Connect();
            byte[] resent = f.Broker.Written(1);
            Assert.AreEqual((byte)0x3A, resent[0]);
        }

        [TestMethod]
        public void AFailedQos0WriteIsAnError()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.FailWrites = true;
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => f.Publish("a", "lost", 0));
            Assert.AreEqual((int)MqttError.ConnectionLost, (int)ex.Error);
        }

        [TestMethod]
        public void DisconnectSendsDisconnectAndReportsItOnce()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Publish("a", "kept", 1);
            f.Client.Disconnect();
            CollectionAssert.AreEqual(new byte[] { 0xE0, 0x00 }, f.Broker.LastWritten());
            Assert.IsTrue(f.Broker.ClosedLocally);
            Assert.IsFalse(f.Client.Poll(0));
            Assert.IsFalse(f.Client.Poll(0));
            Assert.AreEqual(1, f.Listener.LossReasons.Count);
            Assert.AreEqual((int)ConnectionLossReason.LocalDisconnect, (int)f.Listener.LossReasons[0]);
            Assert.AreEqual(1, f.Client.InFlightCount);
        }

        private static void AssertDupCopy(byte[] original, byte[] resent)
        {
            Assert.AreEqual(original.Length, resent.Length);
            Assert.AreEqual((byte)(original[0] | 0x08), resent[0]);
            for (int i = 1; i < original.Length; i++)
            {
                Assert.AreEqual(original[i], resent[i]);
            }
        }

        // Polls until the broker's scripted bytes have all been read and handled.
        private static void PollUntilRead(ClientFixture f)
        {
            for (int i = 0; i < 100 && f.Broker.Unread > 0; i++)
            {
                f.Client.Poll(0);
            }

            f.Client.Poll(0);
            Assert.AreEqual(0, f.Broker.Unread);
        }
    }
}
