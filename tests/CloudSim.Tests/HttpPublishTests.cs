using System.Net;
using System.Text;
using System.Text.Json;
using CellularIot.CloudSim.Tests.Support;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit;

namespace CellularIot.CloudSim.Tests;

public sealed class HttpPublishTests
{
    [Fact]
    public async Task PostWithQueryCredentialsIsReceivedByAnMqttSubscriber()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = await Https.LoginAsync(cloud, TestCloud.SimAddress);
        await using MqttSession subscriber = await MqttClients.ConnectAsync(MqttClients.OverTls(cloud, login.ClientId, login.Username));
        await subscriber.Client.SubscribeAsync(TestCloud.Iccid + "/messages", MqttQualityOfServiceLevel.AtLeastOnce, TestCloud.Bounded());

        // As the seed says: the username from x-amz-customauthorizer-name on, appended to /topics/<topic>?qos=1&.
        using HttpResponseMessage response = await PostAsync(cloud, $"/topics/{TestCloud.Iccid}/messages?qos=1&{AuthorizerQuery(login)}", """{"data": "Lorem Ipsum"}""", r =>
        {
            r.Headers.Add("username", login.Username);
            r.Headers.Add("clientId", login.ClientId);
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestCloud.Bounded()));
        Assert.Equal("OK", json.RootElement.GetProperty("message").GetString());
        Assert.True(Guid.TryParse(json.RootElement.GetProperty("traceId").GetString(), out _));
        MqttApplicationMessage? received = await subscriber.NextMessageAsync(TestCloud.Wait);
        Assert.NotNull(received);
        Assert.Equal(TestCloud.Iccid + "/messages", received.Topic);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, received.QualityOfServiceLevel);
        Assert.Equal("""{"data": "Lorem Ipsum"}""", Encoding.UTF8.GetString(received.Payload));
        await cloud.WaitForEventAsync(CloudEventKind.HttpPublished, TestCloud.Iccid);
    }

    [Fact]
    public async Task PostWithHeaderCredentialsAndAnEncodedTopicIsRouted()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);
        await using MqttSession subscriber = await MqttClients.ConnectAsync(MqttClients.OverTls(cloud, login.ClientId, login.Username));
        await subscriber.Client.SubscribeAsync(TestCloud.Iccid + "/#", MqttQualityOfServiceLevel.AtMostOnce, TestCloud.Bounded());
        Dictionary<string, string> decoded = login.Username.Split('?', 2)[1].Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

        using HttpResponseMessage response = await PostAsync(cloud, "/topics/" + Uri.EscapeDataString(TestCloud.Iccid + "/a b"), "x", r =>
        {
            foreach (KeyValuePair<string, string> pair in decoded)
            {
                r.Headers.Add(pair.Key, pair.Value);
            }
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestCloud.Iccid + "/a b", (await subscriber.NextMessageAsync(TestCloud.Wait))?.Topic);
    }

    [Theory]
    [InlineData("no credentials", HttpStatusCode.Unauthorized)]
    [InlineData("bad signature", HttpStatusCode.Unauthorized)]
    [InlineData("expired", HttpStatusCode.Unauthorized)]
    [InlineData("other iccid topic", HttpStatusCode.Forbidden)]
    [InlineData("retain", HttpStatusCode.Forbidden)]
    [InlineData("qos 2", HttpStatusCode.BadRequest)]
    [InlineData("too many slashes", HttpStatusCode.BadRequest)]
    [InlineData("payload too large", HttpStatusCode.RequestEntityTooLarge)]
    public async Task RefusedPostAnswersTheAwsStatus(string what, HttpStatusCode expected)
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync(new SimulatedCloudOptions
        {
            Sims = TestCloud.Sims,
            TokenLifetime = what == "expired" ? TimeSpan.FromSeconds(1) : TimeSpan.FromHours(24),
        });
        OnboardingResponse login = cloud.IssueCredentials(TestCloud.Iccid);
        string credentials = AuthorizerQuery(login);
        if (what == "expired")
        {
            await Task.Delay(TimeSpan.FromSeconds(2.1), TestCloud.Bounded());
        }

        string other = AuthorizerQuery(cloud.IssueCredentials(TestCloud.OtherIccid));
        string path = what switch
        {
            "no credentials" => $"/topics/{TestCloud.Iccid}/m?qos=1",
            "bad signature" => $"/topics/{TestCloud.Iccid}/m?qos=1&" + credentials.Split('&')[0] + "&" + other.Split('&')[1] + "&" + credentials.Split('&')[2],
            "other iccid topic" => $"/topics/{TestCloud.OtherIccid}/m?qos=1&{credentials}",
            "retain" => $"/topics/{TestCloud.Iccid}/m?qos=1&retain=true&{credentials}",
            "qos 2" => $"/topics/{TestCloud.Iccid}/m?qos=2&{credentials}",
            "too many slashes" => $"/topics/{TestCloud.Iccid}/1/2/3/4/5/6/7/8?qos=1&{credentials}",
            _ => $"/topics/{TestCloud.Iccid}/m?qos=1&{credentials}",
        };
        string body = what == "payload too large" ? new string('x', (128 * 1024) + 1) : "x";

        using HttpResponseMessage response = await PostAsync(cloud, path, body);

        Assert.Equal(expected, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestCloud.Bounded()));
        Assert.True(json.RootElement.TryGetProperty("traceId", out _));
        await cloud.WaitForEventAsync(CloudEventKind.HttpRefused);
        Assert.DoesNotContain(cloud.Events.Snapshot(), e => e.Kind is CloudEventKind.HttpPublished or CloudEventKind.MessagePublished);
    }

    private static string AuthorizerQuery(OnboardingResponse login)
        => login.Username[login.Username.IndexOf("x-amz-customauthorizer-name", StringComparison.Ordinal)..];

    private static Task<HttpResponseMessage> PostAsync(SimulatedCloud cloud, string pathAndQuery, string body, Action<HttpRequestMessage>? prepare = null)
        => Https.SendAsync(
            cloud,
            TestCloud.SimAddress,
            new HttpRequestMessage(HttpMethod.Post, Https.IotUrl(cloud, pathAndQuery)) { Content = new StringContent(body, Encoding.UTF8, "application/json") },
            prepare);
}
