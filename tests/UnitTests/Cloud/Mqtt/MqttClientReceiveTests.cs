namespace CellularIot.Tests.Cloud.Mqtt
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class MqttClientReceiveTests
    {
        [TestMethod]
        public void DeliversQos0WithoutAnAck()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.Send(BrokerPackets.Publish(ClientFixture.Topic("cmd"), "on", 0, 0, false));
            PollUntilRead(f);

            Assert.AreEqual(1, f.Listener.Topics.Count);
            Assert.AreEqual(ClientFixture.Topic("cmd"), (string)f.Listener.Topics[0]);
            Assert.AreEqual("on", Utf8.Decode((byte[])f.Listener.Payloads[0]));
            Assert.AreEqual(1, f.Broker.Writes.Count);
        }

        [TestMethod]
        public void AcknowledgesIncomingQos1()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.Send(BrokerPackets.Publish(ClientFixture.Topic("cmd"), "on", 1, 0x0102, false));
            PollUntilRead(f);

            Assert.AreEqual(1, f.Listener.Topics.Count);
            CollectionAssert.AreEqual(new byte[] { 0x40, 0x02, 0x01, 0x02 }, f.Broker.LastWritten());
        }

        [TestMethod]
        public void DropsARedeliveryWithTheSamePacketId()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.Send(BrokerPackets.Publish(ClientFixture.Topic("cmd"), "reboot", 1, 7, false));
            f.Broker.Send(BrokerPackets.Publish(ClientFixture.Topic("cmd"), "reboot", 1, 7, true));
            PollUntilRead(f);

            Assert.AreEqual(1, f.Listener.Topics.Count);
            Assert.AreEqual(1, f.Client.RedeliveriesDropped);
            Assert.AreEqual(3, f.Broker.Writes.Count);
            CollectionAssert.AreEqual(BrokerPackets.Puback(7), f.Broker.Written(1));
            CollectionAssert.AreEqual(BrokerPackets.Puback(7), f.Broker.Written(2));
        }

        [TestMethod]
        public void DropsARedeliveryWithANewPacketIdAfterReconnect()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.Send(BrokerPackets.Publish(ClientFixture.Topic("cmd"), "reboot", 1, 7, false));
            PollUntilRead(f);
            f.Broker.CloseFromPeer();
            Assert.IsFalse(f.Client.Poll(0));

            // The broker never saw the PUBACK and sends the message again under a new identifier, without DUP.
            f.Connect();
            f.Broker.Send(BrokerPackets.Publish(ClientFixture.Topic("cmd"), "reboot", 1, 42, false));
            PollUntilRead(f);

            Assert.AreEqual(1, f.Listener.Topics.Count);
            Assert.AreEqual(1, f.Client.RedeliveriesDropped);
            CollectionAssert.AreEqual(BrokerPackets.Puback(42), f.Broker.LastWritten());
        }

        [TestMethod]
        public void DeliversTheSameMessageTwiceWhenTheBrokerSendsItFreshTwice()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.Send(BrokerPackets.Publish(ClientFixture.Topic("cmd"), "blink", 1, 1, false));
            f.Broker.Send(BrokerPackets.Publish(ClientFixture.Topic("cmd"), "blink", 1, 2, false));
            f.Broker.Send(BrokerPackets.Publish(ClientFixture.Topic("cmd"), "blink", 0, 0, false));
            PollUntilRead(f);

            Assert.AreEqual(3, f.Listener.Topics.Count);
            Assert.AreEqual(0, f.Client.RedeliveriesDropped);
        }

        [TestMethod]
        public void SubscribesAndTypesTheFailureCode()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.Send(BrokerPackets.Suback(1, new byte[] { 0x01, 0x80 }));
            SubscribeResult result = f.Client.Subscribe(new string[] { ClientFixture.Topic("cmd/#"), ClientFixture.Topic("+/x") }, 1);

            Assert.AreEqual(1, result.PacketId);
            Assert.AreEqual(2, result.Count);
            Assert.AreEqual((int)SubscribeReturnCode.GrantedQos1, (int)result.GetCode(0));
            Assert.AreEqual((int)SubscribeReturnCode.Failure, (int)result.GetCode(1));
            Assert.IsFalse(result.AllGranted);
            Assert.AreEqual(1, result.FailureCount);
            Assert.AreEqual((byte)0x82, f.Broker.Written(1)[0]);
            Assert.IsTrue(f.Client.IsConnected);
        }

        [TestMethod]
        public void DeliversMessagesThatArriveBeforeTheSuback()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.Send(BrokerPackets.Publish(ClientFixture.Topic("cmd"), "early", 0, 0, false));
            f.Broker.Send(BrokerPackets.Suback(1, new byte[] { 0x00 }));
            SubscribeResult result = f.Client.Subscribe(new string[] { ClientFixture.Topic("cmd") }, 0);

            Assert.IsTrue(result.AllGranted);
            Assert.AreEqual(1, f.Listener.Topics.Count);
        }

        [TestMethod]
        public void ASubackTimeoutIsAClearError()
        {
            var f = new ClientFixture();
            f.Connect();
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => f.Client.Subscribe(new string[] { ClientFixture.Topic("cmd") }, 1));
            Assert.AreEqual((int)MqttError.SubackTimeout, (int)ex.Error);
            Assert.IsTrue(f.Clock.MonotonicMs >= 10000);
        }

        [TestMethod]
        public void ALossBeforeTheSubackIsAnErrorAndIsReported()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.CloseFromPeer();
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => f.Client.Subscribe(new string[] { ClientFixture.Topic("cmd") }, 1));
            Assert.AreEqual((int)MqttError.ConnectionLost, (int)ex.Error);
            Assert.IsFalse(f.Client.Poll(0));
            Assert.AreEqual((int)ConnectionLossReason.TransportClosed, (int)f.Listener.LossReasons[0]);
        }

        [TestMethod]
        public void GarbageClosesTheConnectionWithAClearError()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.Send(new byte[] { 0xF3, 0x01, 0x02 });
            AssertLost(f, ConnectionLossReason.MalformedPacket, "first byte 0xF3");
        }

        [TestMethod]
        public void ATruncatedPacketClosesTheConnectionWithAClearError()
        {
            var f = new ClientFixture();
            f.Connect();
            byte[] publish = BrokerPackets.Publish(ClientFixture.Topic("cmd"), "cut-short", 1, 3, false);
            byte[] half = new byte[publish.Length / 2];
            Array.Copy(publish, half, half.Length);
            f.Broker.Send(half);
            f.Broker.CloseFromPeer();
            AssertLost(f, ConnectionLossReason.TransportClosed, "in the middle of a packet (PUBLISH cut short after");
            Assert.AreEqual(0, f.Listener.Topics.Count);
        }

        [TestMethod]
        public void APacketWhoseFieldsOverrunItClosesTheConnection()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.Send(new byte[] { 0x30, 0x03, 0x00, 0x09, (byte)'a' });
            AssertLost(f, ConnectionLossReason.MalformedPacket, "run past the remaining length 3");
        }

        [TestMethod]
        public void AnOverLimitPacketClosesTheConnectionBeforeItsBodyIsRead()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.MaxIncomingPacketBytes = 1024;
            var f = new ClientFixture(settings);
            f.Connect();
            f.Broker.Send(new byte[] { 0x30, 0x81, 0x08 }); // remaining length 1025
            AssertLost(f, ConnectionLossReason.IncomingTooLarge, "remaining length of 1025 bytes, above the limit of 1024");
        }

        [TestMethod]
        public void AFiveByteRemainingLengthClosesTheConnection()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.Send(new byte[] { 0x30, 0x80, 0x80, 0x80, 0x80, 0x01 });
            AssertLost(f, ConnectionLossReason.MalformedPacket, "runs past 4 bytes");
        }

        [TestMethod]
        public void IncomingQos2AndPubrecAreProtocolViolations()
        {
            var f = new ClientFixture();
            f.Connect();
            f.Broker.Send(new byte[] { 0x34, 0x05, 0x00, 0x01, (byte)'a', 0x00, 0x01 });
            AssertLost(f, ConnectionLossReason.ProtocolViolation, "QoS 2 PUBLISH");

            f.Connect();
            f.Broker.Send(new byte[] { 0x50, 0x02, 0x00, 0x01 });
            AssertLost(f, ConnectionLossReason.ProtocolViolation, "PUBREC is not expected");
        }

        [TestMethod]
        public void AFailingHandlerIsLoggedAndTheMessageStillAcknowledged()
        {
            var f = new ClientFixture();
            f.Listener.ThrowOnMessage = new InvalidOperationException("handler bug");
            f.Connect();
            f.Broker.Send(BrokerPackets.Publish(ClientFixture.Topic("cmd"), "x", 1, 9, false));
            PollUntilRead(f);

            Assert.IsTrue(f.Client.IsConnected);
            CollectionAssert.AreEqual(BrokerPackets.Puback(9), f.Broker.LastWritten());
            Assert.Contains("handler bug", f.Log.All);
        }

        [TestMethod]
        public void BytesAfterTheConnackAreKeptForPoll()
        {
            var f = new ClientFixture();
            f.NewBroker(BrokerPackets.Concat(BrokerPackets.Connack(0, true), BrokerPackets.Publish(ClientFixture.Topic("q"), "queued", 1, 5, false)));
            Assert.IsTrue(f.Client.Connect(f.Broker, null, 0).IsAccepted);
            PollUntilRead(f);
            Assert.AreEqual(1, f.Listener.Topics.Count);
        }

        private static void AssertLost(ClientFixture f, ConnectionLossReason reason, string detail)
        {
            bool up = true;
            for (int i = 0; i < 100 && up; i++)
            {
                up = f.Client.Poll(0);
            }

            Assert.IsFalse(up);
            Assert.IsTrue(f.Broker.ClosedLocally);
            Assert.AreEqual(1, f.Listener.LossReasons.Count);
            Assert.AreEqual((int)reason, (int)f.Listener.LossReasons[0]);
            Assert.Contains(detail, (string)f.Listener.LossDetails[0]);
            f.Listener.LossReasons.Clear();
            f.Listener.LossDetails.Clear();
        }

        private static void PollUntilRead(ClientFixture f)
        {
            for (int i = 0; i < 100 && f.Broker.Unread > 0; i++)
            {
                f.Client.Poll(0);
            }

            Assert.AreEqual(0, f.Broker.Unread);
        }
    }
}
