using CellularIot.Cloud.Session;
using CellularIot.CloudSim;
using CellularIot.Session.Tests.Support;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>
/// A connection whose broker goes silent after CONNECT, SUBSCRIBE and the first message went out in one write (the MQTT
/// client waits 10 s for the CONNACK): the session gives that connection up, in the MQTT client too, and the next one is
/// accepted. (A SUBACK that alone never comes ends the connection the same way, in the MQTT client's own tests.)
/// </summary>
public sealed class SubackTimeoutTests
{
    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task ASubackThatNeverComesFailsTheConnectionWhichIsThenMadeAgain(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport, ThroughBreaker = true });

        // The path dies right after the write of CONNECT and SUBSCRIBE (after the upgrade over a WebSocket).
        rig.Breaker!.BreakNextConnectionAfterClientRecords(transport == Transport.MqttTls ? 1 : 2);
        rig.RunUntil(() => rig.Session.State == SessionState.Waiting && rig.Session.Iccid is not null, "the CONNACK wait to give up", timeoutMs: 30_000);
        Assert.Contains(rig.Recorder.DetailsOf(SessionState.Waiting), d => d.Contains("CONNACK", StringComparison.Ordinal));

        // Whether the broker took the first SUBSCRIBE before the path died depends on timing; the first connection
        // is over by now, so what follows is the second one's.
        int subscribedBefore = rig.Events(CloudEventKind.Subscribed).Count;
        rig.RunUntilOnline();

        Assert.Equal(1, rig.Session.Connections);
        Assert.Equal(2, rig.Breaker.Opened);

        // Subscribed again although the broker kept the session: the first SUBSCRIBE was never answered.
        rig.RunUntil(() => rig.Events(CloudEventKind.Subscribed).Count > subscribedBefore, "the SUBSCRIBE of the second connection");
        Assert.Equal(subscribedBefore + 1, rig.Events(CloudEventKind.Subscribed).Count);
        int packetId = rig.Session.Publish(rig.Session.Topic("after"), [1, 2, 3], 0, 3, 1);
        rig.RunUntil(() => rig.Recorder.DeliveredIds.Contains(packetId), "a publish on the new connection");
        rig.AssertHealthy();
    }
}
