using System.Buffers.Text;
using System.Diagnostics;
using System.Net.Security;
using System.Text.Json;
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

        await older.Disconnected.WaitAsync(TestCloud.Wait, TestCloud.Bounded());
        Assert.True(newer.Client.IsConnected);
        CloudEvent duplicate = await cloud.WaitForEventAsync(CloudEventKind.DuplicateClientId, TestCloud.Iccid);
        Assert.Contains("the older connection #", duplicate.Message, StringComparison.Ordinal);
        await newer.Client.SubscribeAsync(TestCloud.Iccid + "/#", cancellationToken: TestCloud.Bounded());
        await newer.Client.PublishStringAsync(TestCloud.Iccid + "/after", "still here", cancellationToken: TestCloud.Bounded());
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
        await tls.WriteAsync(RawTls.Connect(TestCloud.Iccid, cloud.IssueCredentials(TestCloud.Iccid).Username, requested), TestCloud.Bounded());
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
        await tls.WriteAsync(RawTls.Connect(TestCloud.Iccid, cloud.IssueCredentials(TestCloud.Iccid).Username, 2), TestCloud.Bounded());
        Assert.Equal(0x20, await RawTls.ReadPacketAsync(tls));

        // 5 s of pings every second outlast the 3 s a silent client would get.
        for (int i = 0; i < 5; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), TestCloud.Bounded());
            await tls.WriteAsync(RawTls.PingRequest(), TestCloud.Bounded());
            Assert.Equal(0xD0, await RawTls.ReadPacketAsync(tls));
        }

        Assert.DoesNotContain(cloud.Events.Snapshot(), e => e.Kind == CloudEventKind.KeepAliveTimeout);
    }

    [Fact]
    public async Task ConnectionIsClosedWhenItsTokenExpires()
    {
        // Long enough for the login and the TLS connection on a machine busy with builds (they took over 6 s there).
        await using SimulatedCloud cloud = await TestCloud.StartAsync(new SimulatedCloudOptions { Sims = TestCloud.Sims, TokenLifetime = TimeSpan.FromSeconds(20) });
        OnboardingResponse login = await Https.LoginAsync(cloud, TestCloud.SimAddress);
        await using MqttSession session = await MqttClients.ConnectAsync(MqttClients.OverTls(cloud, login.ClientId, login.Username));

        await session.Disconnected.WaitAsync(TestCloud.Wait, TestCloud.Bounded());

        // Dropped at the token's exp claim (disconnectAfterInSeconds = exp - now at CONNECT), not before.
        double early = (DateTimeOffset.UtcNow - Expiry(login)).TotalSeconds;
        Assert.InRange(early, -0.2, 3);
        Assert.Contains("disconnectAfterInSeconds", (await cloud.WaitForEventAsync(CloudEventKind.TokenExpired, TestCloud.Iccid)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorCanDisconnectAClient()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        await using MqttSession session = await MqttClients.ConnectAsync(MqttClients.OverTls(cloud, TestCloud.Iccid, cloud.IssueCredentials(TestCloud.Iccid).Username));

        Assert.True(cloud.Disconnect(TestCloud.Iccid));

        await session.Disconnected.WaitAsync(TestCloud.Wait, TestCloud.Bounded());
        Assert.False(cloud.Disconnect(TestCloud.Iccid));
        await cloud.WaitForEventAsync(CloudEventKind.Kicked, TestCloud.Iccid);
        ConnectionStats stats = Assert.Single(cloud.Connections);
        Assert.Equal((ConnectionProtocol.Mqtt, TestCloud.Iccid), (stats.Protocol, stats.ClientId));
        Assert.True(stats.BytesIn > 0 && stats.BytesOut > 0);
        Assert.NotNull(stats.Closed);
    }

    private static DateTimeOffset Expiry(OnboardingResponse login)
    {
        string token = login.Username[(login.Username.IndexOf("&token=", StringComparison.Ordinal) + 7)..];
        using JsonDocument claims = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        return DateTimeOffset.FromUnixTimeSeconds(claims.RootElement.GetProperty("exp").GetInt64());
    }
}
