using System.Net.Security;
using System.Text;
using CellularIot.CloudSim.Tests.Support;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit;

namespace CellularIot.CloudSim.Tests;

public sealed class MqttAuthTests
{
    [Fact]
    public async Task OnboardedLoginConnectsAndMessagesRoundTripUnderTheIccid()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = await Https.LoginAsync(cloud, TestCloud.SimAddress);

        await using MqttSession session = await MqttClients.ConnectAsync(MqttClients.OverTls(cloud, login.ClientId, login.Username));
        await session.Client.SubscribeAsync(TestCloud.Iccid + "/cmd/#", MqttQualityOfServiceLevel.AtLeastOnce, TestCloud.Bounded());
        MqttClientPublishResult published = await session.Client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(TestCloud.Iccid + "/cmd/led").WithPayload("on")
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            TestCloud.Bounded());

        Assert.True(published.IsSuccess);
        MqttApplicationMessage? received = await session.NextMessageAsync(TestCloud.Wait);
        Assert.NotNull(received);
        Assert.Equal(TestCloud.Iccid + "/cmd/led", received.Topic);
        Assert.Equal("on", Encoding.UTF8.GetString(received.Payload));
        Assert.Contains("MQTT username", (await cloud.WaitForEventAsync(CloudEventKind.AuthAccepted, TestCloud.Iccid)).Message, StringComparison.Ordinal);
        await cloud.WaitForEventAsync(CloudEventKind.MessageDelivered, TestCloud.Iccid);
    }

    [Fact]
    public async Task BadSignatureClosesWithoutConnack()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);
        OnboardingResponse other = cloud.IssueCredentials(TestCloud.OtherIccid);
        string otherSignature = QueryValue(other.Username, "x-amz-customauthorizer-signature");
        string username = login.Username.Replace(QueryValue(login.Username, "x-amz-customauthorizer-signature"), otherSignature, StringComparison.Ordinal);

        await AssertClosedWithoutConnackAsync(cloud, TestCloud.Iccid, username);

        CloudEvent rejected = await cloud.WaitForEventAsync(CloudEventKind.AuthRejected, TestCloud.Iccid);
        Assert.Contains("does not verify with the authorizer's token-signing key", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignatureLeftUnencodedInTheUsernameIsBroken()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);
        string encoded = QueryValue(login.Username, "x-amz-customauthorizer-signature");
        string username = login.Username.Replace(encoded, Uri.UnescapeDataString(encoded), StringComparison.Ordinal);
        Assert.NotEqual(login.Username, username);

        await AssertClosedWithoutConnackAsync(cloud, TestCloud.Iccid, username);

        await cloud.WaitForEventAsync(CloudEventKind.AuthRejected, TestCloud.Iccid);
    }

    [Fact]
    public async Task ExpiredTokenIsRefused()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync(new SimulatedCloudOptions { Sims = TestCloud.Sims, TokenLifetime = TimeSpan.FromSeconds(1) });
        OnboardingResponse login = await Https.LoginAsync(cloud, TestCloud.SimAddress);
        await Task.Delay(TimeSpan.FromSeconds(2.1), TestCloud.Bounded());

        await AssertClosedWithoutConnackAsync(cloud, TestCloud.Iccid, login.Username);

        Assert.Contains("the token expired at", (await cloud.WaitForEventAsync(CloudEventKind.AuthRejected, TestCloud.Iccid)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JwtOfAnotherIccidIsRefused()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse other = await Https.LoginAsync(cloud, TestCloud.OtherSimAddress);

        await AssertClosedWithoutConnackAsync(cloud, TestCloud.Iccid, other.Username);

        CloudEvent rejected = await cloud.WaitForEventAsync(CloudEventKind.AuthRejected, TestCloud.Iccid);
        Assert.Contains($"is not the token's iccid '{TestCloud.OtherIccid}'", rejected.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no query")]
    [InlineData("encoded as a whole")]
    [InlineData("other authorizer")]
    [InlineData("tampered token")]
    public async Task MalformedUsernameIsRefused(string how)
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        string username = cloud.IssueCredentials(TestCloud.Iccid).Username;
        username = how switch
        {
            "no query" => TestCloud.Iccid,
            "encoded as a whole" => Uri.EscapeDataString(username),
            "other authorizer" => username.Replace("1nce-authorizer", "someone-else", StringComparison.Ordinal),
            _ => username[..^3] + (username[^3] == 'A' ? "BBB" : "AAA"),
        };

        await AssertClosedWithoutConnackAsync(cloud, TestCloud.Iccid, username);

        await cloud.WaitForEventAsync(CloudEventKind.AuthRejected, TestCloud.Iccid);
    }

    [Fact]
    public async Task MqttNetClientFailsToConnectAndReceivesNoConnack()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse other = cloud.IssueCredentials(TestCloud.OtherIccid);

        await using var session = new MqttSession(new MqttClientFactory().CreateMqttClient());

        await Assert.ThrowsAnyAsync<Exception>(
            () => session.Client.ConnectAsync(MqttClients.OverTls(cloud, TestCloud.Iccid, other.Username).Build(), TestCloud.Bounded()));

        Assert.False(session.Client.IsConnected);
        Assert.DoesNotContain(session.InboundPacketTypes, type => type >> 4 == 2);
    }

    private static async Task AssertClosedWithoutConnackAsync(SimulatedCloud cloud, string clientId, string username)
    {
        await using SslStream tls = await RawTls.ConnectAsync(cloud.IotEndpoint, cloud.IotHost, "mqtt");
        await tls.WriteAsync(RawTls.Connect(clientId, username, 60), TestCloud.Bounded());
        Assert.Null(await RawTls.NextByteOrEndAsync(tls, TestCloud.Wait));
    }

    private static string QueryValue(string username, string name)
        => username.Split('?', 2)[1].Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == name)[1];
}
