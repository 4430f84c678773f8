using System.Diagnostics;
using System.Net.Security;
using CellularIot.CloudSim.Tests.Support;
using MQTTnet;
using Xunit;

namespace CellularIot.CloudSim.Tests;

public sealed class MqttSessionTests
{
    [Fact]
    public async Task SecondConnectionWithTheSameClientIdClosesTheOlder()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        string username = cloud.IssueCredentials(TestCloud.Iccid).Username;
        await using MqttSession older = await MqttClients.ConnectAsync(MqttClients.OverTls(cloud, TestCloud.Iccid, username));

        await using MqttSession newer = await MqttClients.ConnectAsync(MqttClients.OverTls(cloud, TestCloud.Iccid, username));

        await older.Disconnected.WaitAsync(TestCloud.Wait, TestContext.Current.CancellationToken);
        Assert.True(newer.Client.IsConnected);
        CloudEvent duplicate = await cloud.WaitForEventAsync(CloudEventKind.DuplicateClientId, TestCloud.Iccid);
        Assert.Contains("the older connection #", duplicate.Message, StringComparison.Ordinal);
        await newer.Client.SubscribeAsync(TestCloud.Iccid + "/#", cancellationToken: TestContext.Current.CancellationToken);
        await newer.Client.PublishStringAsync(TestCloud.Iccid + "/after", "still here", cancellationToken: TestContext.Current.CancellationToken);
        Assert.NotNull(await newer.NextMessageAsync(TestCloud.Wait));
    }

    [Theory]
    [InlineData(1, 2.0)]
    [InlineData(0, 2.0)]
    [InlineData(30, 2.0)]
    public async Task SilentClientIsDroppedAfterOneAndAHalfClampedKeepAlives(ushort requested, double applied)
    {
        // The clamp is 2..2 s here, so every request (raised, zero, lowered) applies 2 s and a drop after 3 s.
        await using SimulatedCloud cloud = await TestCloud.StartAsync(new SimulatedCloudOptions
        {
            Sims = TestCloud.Sims,
            KeepAliveMinimum = TimeSpan.FromSeconds(applied),
            KeepAliveMaximum = TimeSpan.FromSeconds(applied),
        });
        await using SslStream tls = await RawTls.ConnectAsync(cloud.IotEndpoint, cloud.IotHost, "mqtt");
        await tls.WriteAsync(RawTls.Connect(TestCloud.Iccid, cloud.IssueCredentials(TestCloud.Iccid).Username, requested), TestContext.Current.CancellationToken);
        Assert.Equal(0x20, await RawTls.ReadPacketAsync(tls));
        var silent = Stopwatch.StartNew();

        Assert.Null(await RawTls.NextByteOrEndAsync(tls, TestCloud.Wait));

        Assert.InRange(silent.Elapsed.TotalSeconds, applied * 1.5 - 0.3, (applied * 1.5) + 3);
        CloudEvent timeout = await cloud.WaitForEventAsync(CloudEventKind.KeepAliveTimeout, TestCloud.Iccid);
        Assert.Contains($"keep-alive requested {requested} s, applied {applied:0} s", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientThatPingsWithinTheKeepAliveStaysConnected()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync(new SimulatedCloudOptions
        {
            Sims = TestCloud.Sims,
            KeepAliveMinimum = TimeSpan.FromSeconds(1),
            KeepAliveMaximum = TimeSpan.FromSeconds(10),
        });
        await using SslStream tls = await RawTls.ConnectAsync(cloud.IotEndpoint, cloud.IotHost, "mqtt");
        await tls.WriteAsync(RawTls.Connect(TestCloud.Iccid, cloud.IssueCredentials(TestCloud.Iccid).Username, 2), TestContext.Current.CancellationToken);
        Assert.Equal(0x20, await RawTls.ReadPacketAsync(tls));

        // 5 s of pings every second outlast the 3 s a silent client would get.
        for (int i = 0; i < 5; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            await tls.WriteAsync(RawTls.PingRequest(), TestContext.Current.CancellationToken);
            Assert.Equal(0xD0, await RawTls.ReadPacketAsync(tls));
        }

        Assert.DoesNotContain(cloud.Events.Snapshot(), e => e.Kind == CloudEventKind.KeepAliveTimeout);
    }

    [Fact]
    public async Task ConnectionIsClosedWhenItsTokenExpires()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync(new SimulatedCloudOptions { Sims = TestCloud.Sims, TokenLifetime = TimeSpan.FromSeconds(3) });
        OnboardingResponse login = await Https.LoginAsync(cloud, TestCloud.SimAddress);
        var issued = Stopwatch.StartNew();
        await using MqttSession session = await MqttClients.ConnectAsync(MqttClients.OverTls(cloud, login.ClientId, login.Username));

        await session.Disconnected.WaitAsync(TestCloud.Wait, TestContext.Current.CancellationToken);

        // exp is in whole seconds, so the 3 s token ends 2 to 3 s after it was issued.
        Assert.InRange(issued.Elapsed.TotalSeconds, 1.5, 4.5);
        Assert.Contains("disconnectAfterInSeconds", (await cloud.WaitForEventAsync(CloudEventKind.TokenExpired, TestCloud.Iccid)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorCanDisconnectAClient()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        await using MqttSession session = await MqttClients.ConnectAsync(MqttClients.OverTls(cloud, TestCloud.Iccid, cloud.IssueCredentials(TestCloud.Iccid).Username));

        Assert.True(cloud.Disconnect(TestCloud.Iccid));

        await session.Disconnected.WaitAsync(TestCloud.Wait, TestContext.Current.CancellationToken);
        Assert.False(cloud.Disconnect(TestCloud.Iccid));
        await cloud.WaitForEventAsync(CloudEventKind.Kicked, TestCloud.Iccid);
        ConnectionStats stats = Assert.Single(cloud.Connections);
        Assert.Equal((ConnectionProtocol.Mqtt, TestCloud.Iccid), (stats.Protocol, stats.ClientId));
        Assert.True(stats.BytesIn > 0 && stats.BytesOut > 0);
        Assert.NotNull(stats.Closed);
    }
}
