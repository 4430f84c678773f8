using System.Net.Security;
using System.Text;
using CellularIot.CloudSim.Tests.Support;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit;

namespace CellularIot.CloudSim.Tests;

public sealed class WebSocketTests
{
    [Fact]
    public async Task HeaderCredentialsConnectAndCarryMqtt()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = await Https.LoginAsync(cloud, TestCloud.SimAddress);

        // As the seed's JavaScript does: split the username at '?', URL-decode each value, send them as headers.
        Dictionary<string, string> decoded = Decode(login.Username);
        await using MqttSession session = await MqttClients.ConnectAsync(MqttClients.OverWebSocket(
            cloud, login.ClientId, username: null, headers: new Dictionary<string, string>
            {
                ["x-amz-customauthorizer-name"] = decoded["x-amz-customauthorizer-name"],
                ["x-amz-customauthorizer-signature"] = decoded["x-amz-customauthorizer-signature"],
                ["token"] = decoded["token"],
            }));

        await AssertRoundTripAsync(session);
        Assert.Contains("credentials from the headers", (await cloud.WaitForEventAsync(CloudEventKind.WebSocketUpgraded)).Message, StringComparison.Ordinal);
        Assert.Contains("headers", (await cloud.WaitForEventAsync(CloudEventKind.AuthAccepted, TestCloud.Iccid)).Message, StringComparison.Ordinal);
        ConnectionStats stats = Assert.Single(cloud.Connections, c => c.Service == CloudService.IotCore);
        Assert.Equal((ConnectionProtocol.MqttOverWebSocket, (string?)null), (stats.Protocol, stats.Alpn));
    }

    [Fact]
    public async Task QueryCredentialsConnectAndCarryMqtt()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);
        string query = "?" + login.Username[(login.Username.IndexOf("x-amz-customauthorizer-name", StringComparison.Ordinal))..];

        await using MqttSession session = await MqttClients.ConnectAsync(MqttClients.OverWebSocket(cloud, login.ClientId, username: null, query: query));

        await AssertRoundTripAsync(session);
        Assert.Contains("query string", (await cloud.WaitForEventAsync(CloudEventKind.AuthAccepted, TestCloud.Iccid)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsernameCredentialsWorkWhenTheUpgradeCarriesNone()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);

        await using MqttSession session = await MqttClients.ConnectAsync(MqttClients.OverWebSocket(cloud, login.ClientId, login.Username));

        await AssertRoundTripAsync(session);
    }

    [Fact]
    public async Task SeedJavaScriptSampleConnects()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = await Https.LoginAsync(cloud, TestCloud.SimAddress);
        Dictionary<string, string> decoded = Decode(login.Username);

        // The seed's aws-iot-device-sdk sample: name and token as headers, the username as it came in CONNECT.
        await using MqttSession session = await MqttClients.ConnectAsync(MqttClients.OverWebSocket(
            cloud, login.ClientId, login.Username, headers: new Dictionary<string, string>
            {
                ["X-Amz-CustomAuthorizer-Name"] = decoded["x-amz-customauthorizer-name"],
                ["token"] = decoded["token"],
            }));

        await AssertRoundTripAsync(session);
        Assert.Contains("headers (signature from the MQTT username)", (await cloud.WaitForEventAsync(CloudEventKind.AuthAccepted, TestCloud.Iccid)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadHeaderSignatureClosesWithoutConnack()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        Dictionary<string, string> mine = Decode(cloud.IssueCredentials(TestCloud.Iccid).Username);
        Dictionary<string, string> other = Decode(cloud.IssueCredentials(TestCloud.OtherIccid).Username);
        await using var session = new MqttSession(new MqttClientFactory().CreateMqttClient());

        await Assert.ThrowsAnyAsync<Exception>(() => session.Client.ConnectAsync(
            MqttClients.OverWebSocket(cloud, TestCloud.Iccid, username: null, headers: new Dictionary<string, string>
            {
                ["x-amz-customauthorizer-name"] = mine["x-amz-customauthorizer-name"],
                ["x-amz-customauthorizer-signature"] = other["x-amz-customauthorizer-signature"],
                ["token"] = mine["token"],
            }).Build(),
            TestCloud.Bounded()));

        Assert.DoesNotContain(session.InboundPacketTypes, type => type >> 4 == 2);
        Assert.Contains("token-signing key", (await cloud.WaitForEventAsync(CloudEventKind.AuthRejected, TestCloud.Iccid)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpgradeWithoutTheMqttSubprotocolIs400()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        await using SslStream tls = await RawTls.ConnectAsync(cloud.IotEndpoint, cloud.IotHost, alpn: null);
        string request = $"GET /mqtt HTTP/1.1\r\nHost: {cloud.IotHost}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";

        await tls.WriteAsync(Encoding.ASCII.GetBytes(request), TestCloud.Bounded());

        using var reader = new StreamReader(tls, Encoding.ASCII, leaveOpen: true);
        Assert.Equal("HTTP/1.1 400 Bad Request", await reader.ReadLineAsync(TestCloud.Bounded()));
        Assert.Contains("Sec-WebSocket-Protocol: mqtt", (await cloud.WaitForEventAsync(CloudEventKind.HttpRefused)).Message, StringComparison.Ordinal);
    }

    private static async Task AssertRoundTripAsync(MqttSession session)
    {
        await session.Client.SubscribeAsync(TestCloud.Iccid + "/ws/#", MqttQualityOfServiceLevel.AtLeastOnce, TestCloud.Bounded());
        await session.Client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(TestCloud.Iccid + "/ws/echo").WithPayload("over websocket")
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            TestCloud.Bounded());
        MqttApplicationMessage? received = await session.NextMessageAsync(TestCloud.Wait);
        Assert.Equal("over websocket", received is null ? null : Encoding.UTF8.GetString(received.Payload));
    }

    private static Dictionary<string, string> Decode(string username)
        => username.Split('?', 2)[1].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
}
