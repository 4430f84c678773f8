using System.Net.Security;
using System.Security.Authentication;
using CellularIot.CloudSim.Tests.Support;
using MQTTnet;
using Xunit;

namespace CellularIot.CloudSim.Tests;

public sealed class TlsRoutingTests
{
    public static TheoryData<string, string?> RefusedNames => new()
    {
        { "onboarding", null },
        { "onboarding", "example.com" },
        { "iot", null },
        { "iot", "device.connectivity-suite.cloud" },
    };

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public async Task HandshakeWithoutSniOrWithAWrongSniIsRefused(string service, string? sni)
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        var endpoint = service == "iot" ? cloud.IotEndpoint : cloud.OnboardingEndpoint;

        Exception refused = await Assert.ThrowsAnyAsync<Exception>(() => RawTls.ConnectAsync(endpoint, sni, alpn: null));

        Assert.True(refused is AuthenticationException or IOException, refused.ToString());
        CloudEvent logged = await cloud.WaitForEventAsync(CloudEventKind.TlsRefused);
        Assert.Contains(sni is null ? "no SNI" : $"wrong SNI '{sni}'", logged.Message, StringComparison.Ordinal);
        ConnectionStats stats = Assert.Single(cloud.Connections);
        Assert.Equal(ConnectionProtocol.Tls, stats.Protocol);
        Assert.Equal(sni, stats.ServerName);
    }

    [Fact]
    public async Task MqttWithoutAlpnIsDroppedUnanswered()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);

        await using (SslStream tls = await RawTls.ConnectAsync(cloud.IotEndpoint, cloud.IotHost, alpn: null))
        {
            Assert.Equal(default, tls.NegotiatedApplicationProtocol);
            await tls.WriteAsync(RawTls.Connect(TestCloud.Iccid, login.Username, 60), TestCloud.Bounded());
            Assert.Null(await RawTls.NextByteOrEndAsync(tls, TestCloud.Wait));
        }

        // MQTTnet's own client, offering no ALPN, fails the same way.
        await Assert.ThrowsAnyAsync<Exception>(() => MqttClients.ConnectAsync(MqttClients.OverTls(cloud, TestCloud.Iccid, login.Username, alpn: false)));
        CloudEvent dropped = await cloud.WaitForEventAsync(CloudEventKind.ProtocolViolation);
        Assert.Contains("ALPN 'mqtt'", dropped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(cloud.Events.Snapshot(), e => e.Kind == CloudEventKind.MqttConnected);
    }

    [Fact]
    public async Task AlpnMqttReachesTheBrokerAndNoAlpnReachesHttps()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);

        await using (MqttSession session = await MqttClients.ConnectAsync(MqttClients.OverTls(cloud, TestCloud.Iccid, login.Username)))
        {
            Assert.True(session.Client.IsConnected);
        }

        using HttpResponseMessage response = await Https.SendAsync(cloud, TestCloud.SimAddress, new HttpRequestMessage(HttpMethod.Get, Https.IotUrl(cloud, "/nothing")));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);

        IReadOnlyList<ConnectionStats> iot = [.. cloud.Connections.Where(c => c.Service == CloudService.IotCore)];
        Assert.Equal(2, iot.Count);
        Assert.Equal(("mqtt", ConnectionProtocol.Mqtt), (iot[0].Alpn, iot[0].Protocol));
        Assert.Equal(ConnectionProtocol.Https, iot[1].Protocol);
        Assert.All(iot, c => Assert.Equal(cloud.IotHost, c.ServerName));
    }
}
