using System.Diagnostics;
using CellularIot.Cloud.Session;
using CellularIot.CloudSim;
using CellularIot.Session.Tests.Support;
using MQTTnet;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>Connections lost on the network's or the cloud's side: the session comes back and goes on.</summary>
public sealed class ReconnectTests
{
    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task KickedByTheCloudItReconnectsAndGoesOn(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport });
        var publisher = new SequencePublisher(rig);
        rig.RunUntilOnline();
        rig.RunUntil(() => publisher.Published >= 10, "messages before the kick", eachStep: publisher.Step);

        Assert.True(rig.Cloud.Disconnect(rig.Iccid));
        int beforeKick = publisher.Published;
        rig.RunUntil(
            () => rig.Session.Connections == 2 && rig.Session.IsOnline && publisher.Published >= beforeKick + 10,
            "a new connection and messages on it",
            eachStep: publisher.Step);
        publisher.Drain();

        Assert.Single(rig.Events(CloudEventKind.Kicked));
        Assert.Equal(1, rig.Session.ConnectionsLost);
        Assert.Equal(1, rig.Session.Onboardings);

        // The broker kept the session (clean session off): the new connection is not subscribed again.
        Assert.Single(rig.Events(CloudEventKind.Subscribed));
        publisher.AssertEveryMessageArrived();
    }

    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task ASecondConnectionWithItsClientIdTakesOverUntilTheDeviceReconnects(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport });
        rig.RunUntilOnline();

        // Another client logs in as the same SIM: AWS closes the older connection, the device's.
        IMqttClient intruder = await CloudClient.ConnectAsSimAsync(rig.Cloud, rig.Iccid);
        try
        {
            rig.RunUntil(() => rig.Session.ConnectionsLost == 1, "the device to notice it was replaced");
            rig.RunUntil(() => rig.Session.Connections == 2 && rig.Session.IsOnline, "the device to reconnect");

            // The device's reconnection in turn closes the intruder's: the device's client ID is its own again.
            rig.RunUntil(() => rig.Events(CloudEventKind.DuplicateClientId).Count == 2, "the intruder's connection to be closed in turn");
            rig.RunFor(200);
            Assert.False(intruder.IsConnected);
        }
        finally
        {
            intruder.Dispose();
        }

        int packetId = rig.Session.Publish(rig.Session.Topic("after"), [1, 2, 3], 0, 3, 1);
        rig.RunUntil(() => rig.Recorder.DeliveredIds.Contains(packetId), "a publish after taking over again");
        Assert.Equal(1, rig.Session.Onboardings);
        rig.AssertHealthy();
    }

    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task ADeadLinkIsFoundByThePingTimeoutAndReplaced(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup
        {
            Transport = transport,
            ThroughBreaker = true,
            Session = s =>
            {
                s.KeepAliveSeconds = 30;
                s.PingTimeoutMs = 1000;
            },
        });
        rig.RunUntilOnline();
        rig.RunUntil(() => rig.Events(CloudEventKind.Subscribed).Count == 1, "the subscription");
        rig.RunFor(100);

        // The path dies silently; then 30 s of idleness (AWS's shortest keep-alive) pass between two steps.
        Assert.Equal(1, rig.Breaker!.BreakOpenConnections());
        rig.Clock.Advance(TimeSpan.FromSeconds(30));
        var detecting = Stopwatch.StartNew();
        rig.RunUntil(() => rig.Session.ConnectionsLost == 1, "the ping timeout");
        detecting.Stop();

        string lost = Assert.Single(rig.Recorder.DetailsOf(SessionState.Waiting));
        Assert.Contains("no PINGRESP within 1000 ms", lost, StringComparison.Ordinal);
        Assert.InRange(detecting.ElapsedMilliseconds, 900, 5000);
        rig.RunUntil(() => rig.Session.Connections == 2 && rig.Session.IsOnline, "a new connection");
        Assert.Equal(2, rig.Breaker.Opened);

        // The cloud never saw the old connection end: the new one replaced it, as after a NAT timeout.
        Assert.Contains(rig.Events(CloudEventKind.DuplicateClientId), e => e.ClientId == rig.Iccid);
        int packetId = rig.Session.Publish(rig.Session.Topic("after"), [1, 2, 3], 0, 3, 1);
        rig.RunUntil(() => rig.Recorder.DeliveredIds.Contains(packetId), "a publish on the new connection");
        Assert.Equal(1, rig.Session.Onboardings);
        rig.AssertHealthy();
    }
}
