using System.Net;
using System.Text;
using CellularIot.Cloud;
using CellularIot.Cloud.Mqtt;
using CellularIot.Cloud.Topics;
using CellularIot.CloudSim;
using CellularIot.Session.Tests.Support;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>Messages both ways through the broker, and the topic rules refusing what the broker would punish.</summary>
public sealed class MessagingTests
{
    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task ACommandReachesTheListenerAndPublishesReachTheBroker(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport });
        rig.RunUntilOnline();
        rig.RunUntil(() => rig.Events(CloudEventKind.Subscribed).Count == 1, "the subscription to <ICCID>/commands/#");

        // A message from the server side (HTTPS publish with the SIM's credentials) reaches the session's listener.
        HttpStatusCode posted = await CloudClient.PostAsync(rig.Cloud, rig.Iccid, rig.Iccid + "/commands/ping", """{"n":1}""", qos: 1);
        Assert.Equal(HttpStatusCode.OK, posted);
        rig.RunUntil(() => rig.Recorder.Messages.Count == 1, "the command to arrive");
        Assert.Equal(rig.Iccid + "/commands/ping", rig.Recorder.Messages[0].Topic);
        Assert.Equal("""{"n":1}""", rig.Recorder.PayloadText(0));

        // A publish from the session reaches the broker, at QoS 1 (acknowledged) and at QoS 0.
        byte[] reply = Encoding.UTF8.GetBytes("""{"pong":1}""");
        int packetId = rig.Session.Publish(rig.Session.Topic("replies/ping"), reply, 0, reply.Length, 1);
        Assert.NotEqual(0, packetId);
        rig.RunUntil(() => rig.Recorder.DeliveredIds.Contains(packetId), "the PUBACK");
        Assert.Equal(0, rig.Session.Publish(rig.Session.Topic("status"), reply, 0, reply.Length, 0));
        rig.RunUntil(() => Arrived(rig, "status", 0) is not null, "the QoS 0 message at the broker");
        Assert.Equal("""{"pong":1}""", Arrived(rig, "replies/ping", 1)?.PayloadText);
        Assert.Equal("""{"pong":1}""", Arrived(rig, "status", 0)?.PayloadText);

        // And a publish under the session's own subscription comes back to it through the broker.
        byte[] echo = Encoding.UTF8.GetBytes("echo");
        rig.Session.Publish(rig.Session.Topic("commands/echo"), echo, 0, echo.Length, 1);
        rig.RunUntil(() => rig.Recorder.Messages.Count == 2, "the message to come back");
        Assert.Equal(rig.Iccid + "/commands/echo", rig.Recorder.Messages[1].Topic);
        Assert.Equal("echo", rig.Recorder.PayloadText(1));
        Assert.Equal(1, rig.Session.Connections);
        rig.AssertHealthy();
    }

    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task TopicsTheRulesRefuseAreNeverSent(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport });
        rig.RunUntilOnline();
        rig.RunUntil(() => rig.Events(CloudEventKind.Subscribed).Count == 1, "the subscription");
        rig.RunFor(200);
        byte[] payload = SequencePublisher.Reading(1);
        string iccid = rig.Iccid;
        string[] refused =
        [
            iccid + "X/a",
            iccid,
            "#",
            "+/x",
            iccid + "/+",
            iccid + "/a/#",
            "/" + iccid + "/a",
            "8988228066600000002/a",
            iccid + "/" + new string('a', 256 - iccid.Length),
            iccid + "/1/2/3/4/5/6/7/8",
            string.Empty,
        ];
        long modemSent = rig.Simulator.TcpBytesSent;
        long cloudIn = CurrentConnection(rig).BytesIn;
        int events = rig.Events().Count;

        foreach (string topic in refused)
        {
            foreach (int qos in new[] { 0, 1 })
            {
                TopicRuleException? error = Record.Exception(() => rig.Session.Publish(topic, payload, 0, payload.Length, qos)) as TopicRuleException;
                Assert.True(error is not null, $"'{topic}' at QoS {qos} was not refused by the topic rules");
            }
        }

        rig.RunFor(300);

        // Nothing left the device: not a byte at TCP level, nothing at the broker, and the session is untouched.
        Assert.Equal(modemSent, rig.Simulator.TcpBytesSent);
        Assert.Equal(cloudIn, CurrentConnection(rig).BytesIn);
        Assert.Equal(events, rig.Events().Count);
        Assert.Empty(rig.PublishedMessages());
        Assert.True(rig.Session.IsOnline);
        Assert.Equal(0, rig.Session.InFlightCount);

        // The longest topic that is allowed goes out, so the byte counts above were live.
        string longest = iccid + "/" + new string('a', 255 - iccid.Length);
        int packetId = rig.Session.Publish(longest, payload, 0, payload.Length, 1);
        rig.RunUntil(() => rig.Recorder.DeliveredIds.Contains(packetId), "the PUBACK of the longest topic");
        Assert.True(rig.Simulator.TcpBytesSent > modemSent);
        Assert.True(CurrentConnection(rig).BytesIn > cloudIn);
        Assert.Empty(rig.Events(CloudEventKind.PolicyViolation));
        Assert.Empty(rig.Events(CloudEventKind.LimitExceeded));
        Assert.Equal(1, rig.Session.Connections);
        rig.AssertHealthy();
    }

    [Fact]
    public async Task PublishingWhileNotOnlineIsRefusedAsNotConnected()
    {
        await using SessionRig rig = await SessionRig.StartAsync();
        byte[] payload = SequencePublisher.Reading(1);

        CloudLinkException error = Assert.Throws<CloudLinkException>(() => rig.Session.Publish(rig.Iccid + "/telemetry", payload, 0, payload.Length, 1));

        Assert.True(error.NotConnected);
        Assert.Throws<InvalidOperationException>(() => rig.Session.Topic("telemetry"));
    }

    // What the cloud accepted from the device over MQTT on <ICCID>/<suffix> at this QoS, or null.
    private static PublishedMessage? Arrived(SessionRig rig, string suffix, int qos)
        => rig.PublishedMessages().FirstOrDefault(m => m.Topic == rig.Iccid + "/" + suffix && m.Qos == qos && !m.ViaHttps);

    private static ConnectionStats CurrentConnection(SessionRig rig) => rig.IotConnections().Single(c => c.Closed is null);
}
