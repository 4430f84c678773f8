namespace CellularIot.Tests.Cloud.Mqtt
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Net;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class MqttClientConnectTests
    {
        [TestMethod]
        public void SendsConnectWithTheIccidAndUsernameAndIsAccepted()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, "u?x=%2B");
            settings.KeepAliveSeconds = 60;
            var f = new ClientFixture(settings);
            f.NewBroker(BrokerPackets.Connack(0, true));
            ConnectResult result = f.Client.Connect(f.Broker, null, 0);

            Assert.IsTrue(result.IsAccepted);
            Assert.IsTrue(result.SessionPresent);
            Assert.IsTrue(f.Client.IsConnected);
            byte[] expected = BrokerPackets.Concat(
                BrokerPackets.Concat(
                    new byte[] { 0x10, 0x28, 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04, 0x82, 0x00, 0x3C, 0x00, 0x13 },
                    Utf8.GetBytes(ClientFixture.Iccid)),
                BrokerPackets.Concat(new byte[] { 0x00, 0x07 }, Utf8.GetBytes("u?x=%2B")));
            CollectionAssert.AreEqual(expected, f.Broker.Written(0));
            Assert.AreEqual(1, f.Broker.Writes.Count);
        }

        [TestMethod]
        public void ASubscribeThatWentWithConnectMustBeAnsweredInTime()
        {
            var f = new ClientFixture();
            f.NewBroker(BrokerPackets.Connack(0, false));
            string[] filters = { ClientFixture.Topic("commands/#") };
            Assert.IsTrue(f.Client.Connect(f.Broker, filters, 1).IsAccepted);
            Assert.AreEqual(1, f.Broker.WriteCalls);
            Assert.AreEqual((byte)0x82, f.Broker.Written(1)[0]);

            // Not waited for: the connection is up at once, and stays up while the SUBACK may still come.
            Assert.IsTrue(f.Client.Poll(100));
            f.Clock.Advance(f.Settings.SubackTimeoutMs);
            Assert.IsFalse(f.Client.Poll(0));
            Assert.AreEqual((int)ConnectionLossReason.ProtocolViolation, (int)f.Listener.LossReasons[0]);
        }

        [TestMethod]
        public void ASubscribeThatWentWithConnectIsAnsweredLater()
        {
            var f = new ClientFixture();
            f.NewBroker(BrokerPackets.Connack(0, false));
            string[] filters = { ClientFixture.Topic("commands/#") };
            Assert.IsTrue(f.Client.Connect(f.Broker, filters, 1).IsAccepted);
            f.Broker.Send(BrokerPackets.Suback(1, new byte[] { 0x80 }));
            for (int i = 0; i < 10 && f.Broker.Unread > 0; i++)
            {
                Assert.IsTrue(f.Client.Poll(100));
            }

            // Refused, and said so; the connection goes on past the SUBACK's time.
            Assert.IsTrue(f.Log.Contains("subscription(s) refused"));
            f.Clock.Advance(f.Settings.SubackTimeoutMs);
            Assert.IsTrue(f.Client.Poll(0));
        }

        [TestMethod]
        public void ClampsTheKeepAliveToAwsRange()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.KeepAliveSeconds = 5;
            Assert.AreEqual(30, settings.KeepAliveSeconds);
            settings.KeepAliveSeconds = 5000;
            Assert.AreEqual(1200, settings.KeepAliveSeconds);
            settings.CleanSession = false;
            var f = new ClientFixture(settings);
            f.Connect();
            byte[] connect = f.Broker.Written(0);

            // Flags (no user name, persistent session) then keep-alive 1200 = 0x04B0.
            Assert.AreEqual((byte)0x00, connect[9]);
            Assert.AreEqual((byte)0x04, connect[10]);
            Assert.AreEqual((byte)0xB0, connect[11]);
        }

        [TestMethod]
        [DataRow(1, false)]
        [DataRow(2, false)]
        [DataRow(3, false)]
        [DataRow(4, true)]
        [DataRow(5, true)]
        public void MapsConnackCodesToTypedResults(int code, bool authFailure)
        {
            var f = new ClientFixture();
            f.NewBroker(BrokerPackets.Connack(code, false));
            ConnectResult result = f.Client.Connect(f.Broker, null, 0);

            Assert.IsFalse(result.IsAccepted);
            Assert.AreEqual(code, (int)result.Outcome);
            Assert.AreEqual(authFailure, result.IsAuthFailure);
            Assert.AreEqual(authFailure, result.IsPossibleAuthFailure);
            Assert.Contains("CONNACK return code " + code, result.Detail);
            Assert.IsTrue(f.Broker.ClosedLocally);
            Assert.IsFalse(f.Client.IsConnected);
        }

        [TestMethod]
        public void ReportsCloseBeforeConnackDistinctly()
        {
            var f = new ClientFixture();
            f.NewBroker(null).CloseFromPeer();
            ConnectResult result = f.Client.Connect(f.Broker, null, 0);

            Assert.AreEqual((int)ConnectOutcome.ClosedBeforeConnack, (int)result.Outcome);
            Assert.IsFalse(result.IsAuthFailure);
            Assert.IsTrue(result.IsPossibleAuthFailure);
            Assert.Contains("closed before CONNACK", result.Detail);
        }

        [TestMethod]
        public void AFailedConnectWriteIsACloseBeforeConnack()
        {
            var f = new ClientFixture();
            f.NewBroker(BrokerPackets.Connack(0, false)).FailWrites = true;
            ConnectResult result = f.Client.Connect(f.Broker, null, 0);

            Assert.AreEqual((int)ConnectOutcome.ClosedBeforeConnack, (int)result.Outcome);
            Assert.Contains("while sending CONNECT", result.Detail);
            Assert.IsFalse(f.Client.IsConnected);
        }

        [TestMethod]
        public void WaitsTenSecondsForConnackEvenWhenToldLess()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, null);
            settings.ConnackTimeoutMs = 1000;
            Assert.AreEqual(10000, settings.ConnackTimeoutMs);
            var f = new ClientFixture(settings);
            f.NewBroker(null);
            ConnectResult result = f.Client.Connect(f.Broker, null, 0);

            Assert.AreEqual((int)ConnectOutcome.ConnackTimeout, (int)result.Outcome);
            Assert.IsTrue(f.Clock.MonotonicMs >= 10000);
            Assert.IsTrue(f.Clock.MonotonicMs < 11000);
            Assert.IsTrue(f.Broker.ClosedLocally);
            Assert.IsFalse(result.IsPossibleAuthFailure);
        }

        [TestMethod]
        public void ALateConnackWithinTheWaitIsAccepted()
        {
            var f = new ClientFixture();
            // The scripted broker has nothing for 9.9 s of reads; then the CONNACK comes.
            var broker = new DelayedConnack(f.Clock, 9900);
            ConnectResult result = f.Client.Connect(broker, null, 0);
            Assert.IsTrue(result.IsAccepted, result.Detail);
        }

        [TestMethod]
        public void GarbageInsteadOfConnackIsAProtocolErrorAndCloses()
        {
            var f = new ClientFixture();
            f.NewBroker(new byte[] { 0x48, 0x54, 0x54, 0x50 }); // "HTTP": an HTTPS endpoint reached without ALPN mqtt
            ConnectResult result = f.Client.Connect(f.Broker, null, 0);

            Assert.AreEqual((int)ConnectOutcome.ProtocolError, (int)result.Outcome);
            Assert.Contains("first byte 0x48", result.Detail);
            Assert.IsTrue(f.Broker.ClosedLocally);
        }

        [TestMethod]
        public void APacketOtherThanConnackFirstIsAProtocolError()
        {
            var f = new ClientFixture();
            f.NewBroker(BrokerPackets.Puback(1));
            ConnectResult result = f.Client.Connect(f.Broker, null, 0);

            Assert.AreEqual((int)ConnectOutcome.ProtocolError, (int)result.Outcome);
            Assert.Contains("PUBACK instead of CONNACK", result.Detail);
        }

        [TestMethod]
        public void ConnectingTwiceIsRefused()
        {
            var f = new ClientFixture();
            f.Connect();
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => f.Client.Connect(new ScriptedBroker(f.Clock, 1), null, 0));
            Assert.AreEqual((int)MqttError.AlreadyConnected, (int)ex.Error);
        }

        [TestMethod]
        public void NeverLogsTheUsername()
        {
            var f = new ClientFixture(new MqttSettings(ClientFixture.Iccid, "secret-token-value"));
            f.NewBroker(BrokerPackets.Connack(5, false));
            f.Client.Connect(f.Broker, null, 0);
            f.Connect();
            Assert.DoesNotContains("secret-token-value", f.Log.All);
        }

        [TestMethod]
        public void RefusesAUsernameThatCannotFitAtConstruction()
        {
            var settings = new MqttSettings(ClientFixture.Iccid, new string('u', 200));
            settings.MaxPacketBytes = 128;
            var ex = (MqttException)Expect.Throws(typeof(MqttException), () => new MqttClient(settings, new ManualClock(), new RecordingLog(), new RecordingListener()));
            Assert.AreEqual((int)MqttError.PacketTooLarge, (int)ex.Error);
            Assert.Contains("MaxPacketBytes", ex.Message);
        }

        // A transport whose CONNACK arrives only after a delay of simulated time.
        private sealed class DelayedConnack : ITransport
        {
            private readonly ManualClock clock;
            private readonly long readyAt;
            private readonly byte[] connack = BrokerPackets.Connack(0, false);
            private int sent;

            public DelayedConnack(ManualClock clock, long delayMs)
            {
                this.clock = clock;
                readyAt = clock.MonotonicMs + delayMs;
            }

            public bool IsOpen
            {
                get { return true; }
            }

            public int Read(byte[] buffer, int offset, int count, int timeoutMs)
            {
                if (clock.MonotonicMs < readyAt)
                {
                    long step = readyAt - clock.MonotonicMs;
                    clock.Advance(step < timeoutMs ? step : timeoutMs);
                    return 0;
                }

                int n = connack.Length - sent;
                Array.Copy(connack, sent, buffer, offset, n);
                sent += n;
                return n;
            }

            public void Write(byte[] buffer, int offset, int count)
            {
            }

            public void Close()
            {
            }
        }
    }
}
