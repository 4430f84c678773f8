using CellularIot.Cloud.Mqtt;
using CellularIot.Net;
using CellularIot.Tests.Net.Support;
using CellularIot.Tests.Support;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The MQTT client's receive path: CONNECT answered by any broker stream (in random splits, closing or going
/// silent at the end), then a subscription, publishes and polls. <see cref="MqttClient.Connect"/> reports the
/// outcome rather than throwing, <see cref="MqttClient.Poll"/> never throws, publish and subscribe throw only
/// <see cref="MqttException"/>; a loss is reported once, and messages reach the listener only under the SIM's topics.
/// </summary>
public sealed class MqttClientTarget : IFuzzTarget
{
    private const string Iccid = "8988228066612345678";

    /// <inheritdoc/>
    public string Name => "mqtt-client";

    /// <inheritdoc/>
    public string Description => "MqttClient: Connect, Subscribe, Publish and Poll against any broker stream";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        byte[] connack = [0x20, 0x02, 0x00, 0x00];
        byte[] suback = [0x90, 0x03, 0x00, 0x01, 0x01];
        yield return [3, 7, 0, 1, .. connack, .. MqttFramerTarget.Publish(Iccid + "/commands/ping", "{}", 1), 0x40, 0x02, 0x00, 0x01, 0xD0, 0x00];
        yield return [3, 7, 1, 1, .. connack, .. suback, .. MqttFramerTarget.Publish(Iccid + "/commands/ping", "{}", 1), .. MqttFramerTarget.Publish(Iccid + "/commands/ping", "{}", 1)];
        yield return [3, 7, 0, 0, 0x20, 0x02, 0x00, 0x05];
        yield return [3, 7, 0, 1, .. connack, .. MqttFramerTarget.Publish("other/topic", "x", 0), 0x30, 0x80, 0x80, 0x80, 0x80];
        yield return [3, 7, 1, 0, .. connack, 0x90, 0x03, 0x00, 0x01, 0x80, 0x40, 0x02, 0x00, 0x00];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        int splitSeed = input.Byte();
        int maxPiece = 1 + input.Below(32);
        bool subscribe = input.Bool();
        bool closeAtEnd = input.Bool();
        var clock = new ManualClock();
        var listener = new TopicCheckingListener();
        var client = new MqttClient(new MqttSettings(Iccid, Iccid + "?x-amz-customauthorizer-name=a"), clock, NullLog.Instance, listener);
        var transport = new ScriptedTransport(clock) { CloseWhenDrained = closeAtEnd };
        transport.Feed(input.Rest());
        transport.SplitRandomly(splitSeed, maxPiece);

        ConnectResult result = client.Connect(transport, null, 0);
        if (!result.IsAccepted)
        {
            FuzzFindingException.Check(!client.IsConnected, "a refused connection is connected");
            return;
        }

        try
        {
            if (subscribe)
            {
                client.Subscribe([Iccid + "/commands/#"], 1);
            }
        }
        catch (MqttException)
        {
            // Declared: lost before the SUBACK, or none in time.
        }

        byte[] payload = "{\"t\":1}"u8.ToArray();
        for (int turn = 0; turn < 40 && client.IsConnected; turn++)
        {
            if (turn % 5 == 1)
            {
                try
                {
                    client.Publish(Iccid + "/telemetry", payload, 0, payload.Length, turn % 2);
                }
                catch (MqttException)
                {
                    // Declared: not connected any more, or the in-flight table is full.
                }
            }

            client.Poll(1000);
        }

        FuzzFindingException.Check(listener.Losses <= 1, "a loss reported " + listener.Losses + " times");
        client.Disconnect();
    }

    private sealed class TopicCheckingListener : IMqttListener
    {
        public int Losses { get; private set; }

        public void OnMessage(MqttMessage message)
        {
            string topic = message.GetTopic();
            FuzzFindingException.Check(topic.Length > 0 && topic.IndexOfAny(['+', '#', '\0']) < 0, "a message on topic '" + topic + "'");
            message.CopyPayload();
        }

        public void OnDelivered(int packetId)
        {
            FuzzFindingException.Check(packetId > 0 && packetId < 65536, "delivered packet id " + packetId);
        }

        public void OnConnectionLost(ConnectionLossReason reason, string detail) => Losses++;

        public void OnQuarantined(QuarantinedMessage message)
        {
        }
    }
}
