using CellularIot.CloudSim.Tests.Support;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit;

namespace CellularIot.CloudSim.Tests;

/// <summary>Persistent sessions as AWS IoT Core keeps them: clean session off keeps subscriptions and QoS 1 messages for the client.</summary>
public sealed class PersistentSessionTests
{
    private const string Commands = TestCloud.Iccid + "/commands/#";

    [Fact]
    public async Task QueuedMessagesReachTheClientWhenItReturnsWithItsSession()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);
        await LeaveSubscribedAsync(cloud, login);

        await Https.PublishAsync(cloud, login, TestCloud.Iccid + "/commands/ping", "while away");
        await using MqttSession back = await ConnectAsync(cloud, login, cleanSession: false);

        Assert.True(back.Connected!.IsSessionPresent);
        MqttApplicationMessage? queued = await back.NextMessageAsync(TestCloud.Wait);
        Assert.Equal(TestCloud.Iccid + "/commands/ping", queued?.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, queued!.QualityOfServiceLevel);
    }

    [Fact]
    public async Task ACleanConnectDiscardsTheSessionAndWhatWasQueued()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);
        await LeaveSubscribedAsync(cloud, login);
        await Https.PublishAsync(cloud, login, TestCloud.Iccid + "/commands/ping", "while away");

        await using MqttSession clean = await ConnectAsync(cloud, login, cleanSession: true);

        Assert.False(clean.Connected!.IsSessionPresent);
        Assert.Null(await clean.NextMessageAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task ASessionIsGoneWhenItsClientWasAwayLongerThanTheExpiry()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync(new SimulatedCloudOptions { Sims = TestCloud.Sims, PersistentSessionExpiry = TimeSpan.FromSeconds(1) });
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);
        await LeaveSubscribedAsync(cloud, login);
        await Https.PublishAsync(cloud, login, TestCloud.Iccid + "/commands/ping", "while away");

        // Away well beyond the expiry (a second): the time asserted is the session's absence, not a duration.
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestCloud.Bounded());
        await using MqttSession late = await ConnectAsync(cloud, login, cleanSession: false);

        Assert.False(late.Connected!.IsSessionPresent);
        Assert.Null(await late.NextMessageAsync(TimeSpan.FromSeconds(1)));
        CloudEvent expired = await cloud.WaitForEventAsync(CloudEventKind.SessionExpired, TestCloud.Iccid);
        Assert.Contains("longer than the session expiry of 1 s", expired.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondConnectionWithTheClientIdTakesTheSessionOver()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);
        await using MqttSession older = await ConnectAsync(cloud, login, cleanSession: false);
        await older.Client.SubscribeAsync(Commands, MqttQualityOfServiceLevel.AtLeastOnce, TestCloud.Bounded());

        // As a device whose old connection the broker has not yet noticed is dead: it connects again beside it.
        await using MqttSession newer = await ConnectAsync(cloud, login, cleanSession: false);
        await older.Disconnected.WaitAsync(TestCloud.Wait, TestCloud.Bounded());
        await Https.PublishAsync(cloud, login, TestCloud.Iccid + "/commands/status", "to the newer");

        Assert.True(newer.Connected!.IsSessionPresent);
        Assert.Equal(TestCloud.Iccid + "/commands/status", (await newer.NextMessageAsync(TestCloud.Wait))?.Topic);
        await cloud.WaitForEventAsync(CloudEventKind.DuplicateClientId, TestCloud.Iccid);
    }

    private static Task<MqttSession> ConnectAsync(SimulatedCloud cloud, OnboardingResponse login, bool cleanSession)
        => MqttClients.ConnectAsync(MqttClients.OverTls(cloud, login.ClientId, login.Username).WithCleanSession(cleanSession));

    // Connects with clean session off, subscribes to the commands and disconnects: the broker keeps the session.
    private static async Task LeaveSubscribedAsync(SimulatedCloud cloud, OnboardingResponse login)
    {
        await using MqttSession first = await ConnectAsync(cloud, login, cleanSession: false);
        Assert.False(first.Connected!.IsSessionPresent);
        await first.Client.SubscribeAsync(Commands, MqttQualityOfServiceLevel.AtLeastOnce, TestCloud.Bounded());
        await first.Client.DisconnectAsync(new MqttClientDisconnectOptions(), TestCloud.Bounded());
        await cloud.WaitForEventAsync(CloudEventKind.MqttDisconnected, TestCloud.Iccid);
    }
}
