namespace CellularIot.Tests.Cloud.Mqtt.Support
{
    using CellularIot.Bytes;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>A client, its clock, log and listener, and the broker of its current connection.</summary>
    public class ClientFixture
    {
        /// <summary>The ICCID the tests use as client ID and topic root.</summary>
        public const string Iccid = "8988228066612345678";

        private int seed = 11;

        /// <summary>Creates a client with default settings (or <paramref name="settings"/>).</summary>
        public ClientFixture(MqttSettings settings)
        {
            Settings = settings ?? new MqttSettings(Iccid, "device?x-amz-customauthorizer-name=auth");
            Client = new MqttClient(Settings, Clock, Log, Listener);
        }

        /// <summary>Creates a client with default settings.</summary>
        public ClientFixture()
            : this(null)
        {
        }

        /// <summary>The settings the client was made with.</summary>
        public MqttSettings Settings { get; }

        /// <summary>The shared clock.</summary>
        public ManualClock Clock { get; } = new ManualClock { MonotonicMs = 0 };

        /// <summary>The log.</summary>
        public RecordingLog Log { get; } = new RecordingLog();

        /// <summary>The listener.</summary>
        public RecordingListener Listener { get; } = new RecordingListener();

        /// <summary>The client under test.</summary>
        public MqttClient Client { get; }

        /// <summary>The broker of the latest connection.</summary>
        public ScriptedBroker Broker { get; private set; }

        /// <summary>A topic under the ICCID.</summary>
        public static string Topic(string rest)
        {
            return Iccid + "/" + rest;
        }

        /// <summary>A fresh broker that will answer CONNECT with <paramref name="connack"/>, not yet connected.</summary>
        public ScriptedBroker NewBroker(byte[] connack)
        {
            Broker = new ScriptedBroker(Clock, seed++);
            if (connack != null)
            {
                Broker.Send(connack);
            }

            return Broker;
        }

        /// <summary>Connects over a fresh broker that accepts; asserts it was accepted.</summary>
        public ConnectResult Connect()
        {
            NewBroker(BrokerPackets.Connack(0, false));
            ConnectResult result = Client.Connect(Broker, null, 0);
            Assert.IsTrue(result.IsAccepted, result.Detail);
            return result;
        }

        /// <summary>Publishes a short text at <paramref name="qos"/>; returns the packet identifier.</summary>
        public int Publish(string topicRest, string payload, int qos)
        {
            byte[] bytes = Utf8.GetBytes(payload);
            return Client.Publish(Topic(topicRest), bytes, 0, bytes.Length, qos);
        }
    }
}
