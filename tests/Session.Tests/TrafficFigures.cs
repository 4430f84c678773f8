using System.Globalization;
using System.Text;
using CellularIot.Cloud.Mqtt;
using CellularIot.Cloud.Token;
using CellularIot.CloudSim;
using CellularIot.ModemSim;
using CellularIot.Session.Tests.Support;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>
/// What the cloud layer costs on the air, measured at TCP level in the modem simulator (TLS records and handshakes
/// included) and checked against the cloud's own count of the same connection: onboarding, a connection, and 10 QoS 1
/// publishes of a typical 70-byte reading, over MQTT with TLS+ALPN and over MQTT over WebSocket. Printed as a table.
/// </summary>
public sealed class TrafficFigures
{
    private const int Publishes = 10;

    [Fact]
    public async Task TcpBytesOfOnboardingAConnectionAndTenPublishes()
    {
        var rows = new List<string>();
        foreach (Transport transport in new[] { Transport.MqttTls, Transport.WebSocket })
        {
            rows.AddRange(await MeasureAsync(transport));
        }

        var table = new StringBuilder();
        table.AppendLine("| transport | exchange | TCP bytes sent | TCP bytes received | MQTT bytes sent | MQTT bytes received |");
        table.AppendLine("|---|---|---:|---:|---:|---:|");
        rows.ForEach(r => table.AppendLine(r));
        TestContext.Current.TestOutputHelper?.WriteLine(table.ToString());
        TestContext.Current.SendDiagnosticMessage(table.ToString());
    }

    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task AllocationsOnTheDeviceThreadPerPublishAndPerReceive(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport, Subscriptions = ["echo"] });
        rig.RunUntilOnline();
        rig.RunUntil(() => rig.Events(CloudEventKind.Subscribed).Count == 1, "the subscription");
        byte[] payload = SequencePublisher.Reading(1);
        string telemetry = rig.Iccid + "/telemetry";
        string echo = rig.Iccid + "/echo";
        rig.Recorder.Keeping = false;

        // Warm up every path, then count what the device's own thread allocates: the publish (encoding, AT+CASEND)
        // with its PUBACK (AT+CARECV, decoding), and a message that comes back through the session's subscription.
        Round(rig, telemetry, payload, 20, echoes: false);
        Round(rig, echo, payload, 20, echoes: true);
        const int Rounds = 100;
        long start = GC.GetAllocatedBytesForCurrentThread();
        Round(rig, telemetry, payload, Rounds, echoes: false);
        long publishing = GC.GetAllocatedBytesForCurrentThread() - start;
        start = GC.GetAllocatedBytesForCurrentThread();
        Round(rig, echo, payload, Rounds, echoes: true);
        long echoing = GC.GetAllocatedBytesForCurrentThread() - start;

        string report = string.Create(
            CultureInfo.InvariantCulture,
            $"{transport}: device thread allocates {publishing / Rounds} B per QoS 1 publish with its PUBACK, {echoing / Rounds} B per publish + PUBACK + the same message received back (QoS 1, PUBACK sent)");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);
        Assert.Equal(1, rig.Session.Connections);
        rig.AssertHealthy();
    }

    // Publishes count messages at QoS 1, one at a time, each stepped until its PUBACK (and its echo) arrived. No lambdas,
    // no collections: nothing here allocates but the device.
    private static void Round(SessionRig rig, string topic, byte[] payload, int count, bool echoes)
    {
        for (int i = 0; i < count; i++)
        {
            int delivered = rig.Recorder.DeliveriesSeen;
            int received = rig.Recorder.MessagesSeen;
            rig.Session.Publish(topic, payload, 0, payload.Length, 1);
            long deadline = Environment.TickCount64 + 5000;
            while (rig.Recorder.DeliveriesSeen == delivered || (echoes && rig.Recorder.MessagesSeen == received))
            {
                Assert.True(Environment.TickCount64 < deadline, "no PUBACK or echo within 5 s");
                rig.Session.RunOnce(SessionRig.StepMs);
            }
        }
    }

    private static async Task<List<string>> MeasureAsync(Transport transport)
    {
        string name = transport == Transport.MqttTls ? "TLS+ALPN" : "WebSocket";
        var rows = new List<string>();

        // Onboarding alone: its own socket, before any MQTT.
        await using (SessionRig onboarding = await SessionRig.StartAsync(new RigSetup { Transport = transport, Subscriptions = [] }))
        {
            onboarding.RunUntil(() => onboarding.Session.Onboardings == 1, "onboarding");
            SocketRecord socket = onboarding.Simulator.Sockets[0];
            onboarding.RunUntil(() => socket.IsClosed, "the onboarding socket to close");
            rows.Add(Row(name, "onboarding: TLS handshake, GET, CSV answer", socket.BytesSent, socket.BytesReceived, null, null));
            Assert.True(socket.BytesSent > 0 && socket.BytesReceived > 0);
        }

        // A stored login, so the MQTT connection is the modem's only socket, and no subscription: CONNECT alone.
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport, Subscriptions = [] });
        rig.StoreLogin(rig.Iccid);
        rig.RunUntilOnline();
        (long connectSent, long connectReceived) = Settle(rig);
        string mqttUsername = CustomAuthUsername.Parse(rig.Tokens.Current.Credentials.Username).MqttUsername;
        int connect = PacketEncoder.Connect(new byte[4096], rig.Iccid, mqttUsername, true, rig.Settings.KeepAliveSeconds);
        string upgrade = transport == Transport.MqttTls ? "TLS handshake, CONNECT, CONNACK" : "TLS handshake, WebSocket upgrade, CONNECT, CONNACK";
        rows.Add(Row(name, upgrade, connectSent, connectReceived, connect, 4));

        string topic = rig.Iccid + "/telemetry";
        byte[] payload = SequencePublisher.Reading(1);
        Assert.Equal(70, payload.Length);
        var ids = new List<int>();
        for (int i = 0; i < Publishes; i++)
        {
            ids.Add(rig.Session.Publish(topic, payload, 0, payload.Length, 1));
        }

        rig.RunUntil(() => ids.All(rig.Recorder.DeliveredIds.Contains), "the PUBACKs");
        (long sent, long received) = Settle(rig);
        int publish = PacketEncoder.PublishSize(Encoding.UTF8.GetByteCount(topic), payload.Length, 1);
        long publishSent = sent - connectSent;
        long publishReceived = received - connectReceived;
        rows.Add(Row(name, $"{Publishes} x PUBLISH QoS 1 (70 B payload) + PUBACK", publishSent, publishReceived, Publishes * publish, Publishes * 4));
        rows.Add(Row(name, "per publish", publishSent / Publishes, publishReceived / Publishes, publish, 4));
        rows.Add(Row(name, $"connection + {Publishes} publishes", sent, received, connect + (Publishes * publish), 4 + (Publishes * 4)));

        // The cloud counted the same bytes on its side of the one connection.
        ConnectionStats server = Assert.Single(rig.IotConnections());
        Assert.Equal(sent, server.BytesIn);
        Assert.Equal(received, server.BytesOut);
        rig.AssertHealthy();
        return rows;
    }

    // Steps until the modem's and the cloud's counts agree and stop moving; returns the modem's (sent, received).
    private static (long Sent, long Received) Settle(SessionRig rig)
    {
        (long, long) last = (-1, -1);
        rig.RunUntil(
            () =>
            {
                (long, long) now = (rig.Simulator.TcpBytesSent, rig.Simulator.TcpBytesReceived);
                ConnectionStats server = rig.IotConnections().Single();
                bool stable = now == last && server.BytesIn == now.Item1 && server.BytesOut == now.Item2;
                last = now;
                return stable;
            },
            "the byte counts to settle");
        return last;
    }

    private static string Row(string transport, string exchange, long tcpSent, long tcpReceived, int? mqttSent, int? mqttReceived)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"| {transport} | {exchange} | {tcpSent} | {tcpReceived} | {(mqttSent is null ? "-" : mqttSent)} | {(mqttReceived is null ? "-" : mqttReceived)} |");
}
