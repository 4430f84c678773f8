using BenchmarkDotNet.Attributes;
using CellularIot.Bytes;
using CellularIot.Cloud.Mqtt;
using CellularIot.Support;

namespace CellularIot.Benchmarks;

/// <summary>
/// The MQTT client's steady state over an in-memory broker that allocates nothing: a QoS 0 publish, a
/// QoS 1 publish with its PUBACK handled, and an incoming QoS 1 PUBLISH delivered and acknowledged. The
/// target is 0 B allocated per operation. The setup also prints the bytes each publish puts on the wire
/// against the smallest MQTT 3.1.1 encoding (fixed header + topic length + topic + [packet id] + payload).
/// </summary>
[MemoryDiagnoser]
public class MqttBenchmarks
{
    private const string Iccid = "8988228066612345678";

    private readonly MqttLoopbackTransport transport = new();
    private readonly Listener listener = new();
    private readonly string topic = Iccid + "/telemetry";
    private MqttClient client = null!;
    private byte[] payload = null!;
    private byte[] incoming = null!;

    [Params(16, 256)]
    public int PayloadBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        payload = new byte[PayloadBytes];
        var settings = new MqttSettings(Iccid, Iccid + "?x-amz-customauthorizer-name=bench");
        client = new MqttClient(settings, new FrozenClock(), new QuietLog(), listener);
        transport.Queue([0x20, 0x02, 0x00, 0x00], 0, 4);
        if (!client.Connect(transport, null, 0).IsAccepted)
        {
            throw new InvalidOperationException("the in-memory broker did not accept the connection");
        }

        incoming = IncomingPublish(Iccid + "/cmd", PayloadBytes);
        int topicBytes = Utf8.GetByteCount(topic);
        PublishQos0();
        Report("QoS 0", transport.LastWriteLength, Minimal(topicBytes, PayloadBytes, 0));
        PublishQos1WithPuback();
        Report("QoS 1", transport.LastWriteLength, Minimal(topicBytes, PayloadBytes, 1));

        // A lost connection would make every later call a cheap no-op: make sure each path really works.
        if (ReceiveQos1Publish() != 1 || client.InFlightCount != 0 || !client.IsConnected)
        {
            throw new InvalidOperationException("the benchmark paths do not publish, acknowledge and receive as expected");
        }
    }

    [Benchmark]
    public int PublishQos0() => client.Publish(topic, payload, 0, payload.Length, 0);

    [Benchmark]
    public int PublishQos1WithPuback()
    {
        int id = client.Publish(topic, payload, 0, payload.Length, 1);
        client.Poll(0);
        return id;
    }

    [Benchmark]
    public int ReceiveQos1Publish()
    {
        transport.Queue(incoming, 0, incoming.Length);
        client.Poll(0);
        return listener.Received;
    }

    // The smallest encoding MQTT 3.1.1 allows, computed from the specification rather than the encoder.
    private static int Minimal(int topicBytes, int payloadBytes, int qos)
    {
        int remaining = 2 + topicBytes + (qos > 0 ? 2 : 0) + payloadBytes;
        int lengthBytes = remaining < 128 ? 1 : remaining < 16384 ? 2 : remaining < 2097152 ? 3 : 4;
        return 1 + lengthBytes + remaining;
    }

    private void Report(string qos, int encoded, int minimal) =>
        Console.WriteLine($"// MQTT {qos} publish, {PayloadBytes} B payload, {Utf8.GetByteCount(topic)} B topic: {encoded} B on the wire, minimal {minimal} B, overhead {encoded - minimal} B");

    private static byte[] IncomingPublish(string incomingTopic, int payloadBytes)
    {
        byte[] topicBytes = Utf8.GetBytes(incomingTopic);
        int remaining = 2 + topicBytes.Length + 2 + payloadBytes;
        int lengthBytes = remaining < 128 ? 1 : 2;
        byte[] packet = new byte[1 + lengthBytes + remaining];
        packet[0] = 0x32;
        if (lengthBytes == 1)
        {
            packet[1] = (byte)remaining;
        }
        else
        {
            packet[1] = (byte)(0x80 | (remaining & 0x7F));
            packet[2] = (byte)(remaining >> 7);
        }

        int at = 1 + lengthBytes;
        packet[at++] = (byte)(topicBytes.Length >> 8);
        packet[at++] = (byte)topicBytes.Length;
        Buffer.BlockCopy(topicBytes, 0, packet, at, topicBytes.Length);
        at += topicBytes.Length;
        packet[at++] = 0x00;
        packet[at] = 0x07;
        return packet;
    }

    // Time stands still, so no keep-alive ping is ever due during a run.
    private sealed class FrozenClock : IClock
    {
        public long MonotonicMs => 0;

        public DateTime UtcNow => DateTime.UnixEpoch;
    }

    private sealed class QuietLog : ILog
    {
        public void Info(string message)
        {
        }

        public void Warn(string message)
        {
        }
    }

    private sealed class Listener : IMqttListener
    {
        public int Received { get; private set; }

        public void OnMessage(MqttMessage message) => Received++;

        public void OnDelivered(int packetId)
        {
        }

        public void OnConnectionLost(ConnectionLossReason reason, string detail)
        {
        }

        public void OnQuarantined(QuarantinedMessage message)
        {
        }
    }
}
