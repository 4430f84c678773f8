using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CellularIot.CloudSim.Tests.Support;
using Xunit;

namespace CellularIot.CloudSim.Tests;

public sealed class OnboardingTests
{
    private const string CsvRow = """^"[^"]*","[^"]*","[^"]*","[^"]*"$""";

    [Fact]
    public async Task JsonByDefaultCarriesTheFourFieldsForTheSimAtTheSourceAddress()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();

        using HttpResponseMessage response = await Https.OnboardAsync(cloud, TestCloud.SimAddress);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestCloud.Bounded()));
        JsonElement root = json.RootElement;
        Assert.Equal(
            ["username", "iotCoreEndpointUrl", "clientId", "amazonRootCaUrl"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(TestCloud.Iccid, root.GetProperty("clientId").GetString());
        Assert.Equal(cloud.IotHost, root.GetProperty("iotCoreEndpointUrl").GetString());
        Assert.Equal("https://www.amazontrust.com/repository/AmazonRootCA1.pem", root.GetProperty("amazonRootCaUrl").GetString());
        Assert.StartsWith(TestCloud.Iccid + "?x-amz-customauthorizer-name=1nce-authorizer&x-amz-customauthorizer-signature=", root.GetProperty("username").GetString(), StringComparison.Ordinal);
        CloudEvent served = await cloud.WaitForEventAsync(CloudEventKind.OnboardingServed, TestCloud.Iccid);
        Assert.Contains("JSON", served.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvIsOneQuotedLineWithoutHeaderCarryingTheSameFields()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();

        using HttpResponseMessage response = await Https.OnboardAsync(cloud, TestCloud.SimAddress, r => r.Headers.Accept.ParseAdd("text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        string body = await response.Content.ReadAsStringAsync(TestCloud.Bounded());
        Assert.DoesNotContain('\n', body);
        Assert.Matches(CsvRow, body);
        string[] fields = [.. body.Split("\",\"").Select(f => f.Trim('"'))];
        Assert.StartsWith(TestCloud.Iccid + "?x-amz-customauthorizer-name=", fields[0], StringComparison.Ordinal);
        Assert.Equal([cloud.IotHost, TestCloud.Iccid, "https://www.amazontrust.com/repository/AmazonRootCA1.pem"], fields[1..]);
    }

    [Fact]
    public async Task CsvColumnOrderFollowsTheSetting()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync(new SimulatedCloudOptions
        {
            Sims = TestCloud.Sims,
            CsvColumns = [OnboardingField.ClientId, OnboardingField.AmazonRootCaUrl, OnboardingField.Username, OnboardingField.IotCoreEndpointUrl],
        });

        using HttpResponseMessage response = await Https.OnboardAsync(cloud, TestCloud.SimAddress, r => r.Headers.Accept.ParseAdd("text/csv"));

        string[] fields = [.. (await response.Content.ReadAsStringAsync(TestCloud.Bounded())).Split("\",\"").Select(f => f.Trim('"'))];
        Assert.Equal(TestCloud.Iccid, fields[0]);
        Assert.Equal("https://www.amazontrust.com/repository/AmazonRootCA1.pem", fields[1]);
        Assert.StartsWith(TestCloud.Iccid + "?x-amz-customauthorizer-name=", fields[2], StringComparison.Ordinal);
        Assert.Equal(cloud.IotHost, fields[3]);
    }

    [Fact]
    public async Task TokenIsAnRs256JwtWithIatExpAndIccidAndItsSignatureIsTheAuthorizers()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();

        OnboardingResponse login = await Https.LoginAsync(cloud, TestCloud.SimAddress);

        string query = login.Username.Split('?', 2)[1];
        Dictionary<string, string> pairs = query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        string token = pairs["token"];
        string[] parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        using JsonDocument header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal("JWT", header.RootElement.GetProperty("typ").GetString());
        using JsonDocument claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        Assert.Equal(TestCloud.Iccid, claims.RootElement.GetProperty("iccid").GetString());
        long iat = claims.RootElement.GetProperty("iat").GetInt64();
        long exp = claims.RootElement.GetProperty("exp").GetInt64();
        Assert.Equal(24 * 3600, exp - iat);
        Assert.InRange(iat, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);

        // The signature is URL-encoded in the username (no raw + / =) and verifies with the token-signing key.
        string encoded = pairs["x-amz-customauthorizer-signature"];
        Assert.DoesNotContain('+', encoded);
        Assert.DoesNotContain('/', encoded);
        Assert.DoesNotContain('=', encoded);
        byte[] signature = Convert.FromBase64String(Uri.UnescapeDataString(encoded));
        using var key = RSA.Create();
        key.ImportFromPem(cloud.TokenSigningPublicKeyPem);
        Assert.Equal(256, signature.Length);
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(token), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task UnknownSimIs404WithStatusTextAndErrors()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();

        using HttpResponseMessage response = await Https.OnboardAsync(cloud, TestCloud.UnknownAddress);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestCloud.Bounded()));
        Assert.Equal("Not Found", json.RootElement.GetProperty("statusText").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("errors").ValueKind);
        CloudEvent refused = await cloud.WaitForEventAsync(CloudEventKind.OnboardingRefused);
        Assert.Contains("no SIM is known at source address 127.0.0.9", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InactiveSimIs404AndActivatingItServesIt()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();

        using (HttpResponseMessage response = await Https.OnboardAsync(cloud, TestCloud.InactiveSimAddress))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        cloud.Sims.SetActive(TestCloud.InactiveIccid, true);
        using HttpResponseMessage again = await Https.OnboardAsync(cloud, TestCloud.InactiveSimAddress);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("not active", (await cloud.WaitForEventAsync(CloudEventKind.OnboardingRefused, TestCloud.InactiveIccid)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accept", "application/xml")]
    [InlineData("range", "bytes=0-99")]
    [InlineData("path", "/device-api/onboarding/mqtt/token")]
    [InlineData("query", "?format=csv")]
    [InlineData("method", "POST")]
    public async Task MalformedRequestIs400(string what, string value)
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, cloud.OnboardingUrl);
        switch (what)
        {
            case "accept":
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(value));
                break;
            case "range":
                request.Headers.Range = RangeHeaderValue.Parse(value);
                break;
            case "path":
                request.RequestUri = new Uri(cloud.OnboardingUrl, value);
                break;
            case "query":
                request.RequestUri = new Uri(cloud.OnboardingUrl + value);
                break;
            default:
                request.Method = HttpMethod.Post;
                break;
        }

        using HttpResponseMessage response = await Https.SendAsync(cloud, TestCloud.SimAddress, request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestCloud.Bounded()));
        Assert.Equal("Bad Request", json.RootElement.GetProperty("statusText").GetString());
        await cloud.WaitForEventAsync(CloudEventKind.OnboardingRefused, TestCloud.Iccid);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    public async Task InjectedFailureAnswersTheNextRequestsThenServesAgain(int status)
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();
        cloud.Faults.FailNext(2, status);

        for (int i = 0; i < 2; i++)
        {
            using HttpResponseMessage failed = await Https.OnboardAsync(cloud, TestCloud.SimAddress);
            Assert.Equal((HttpStatusCode)status, failed.StatusCode);
            using JsonDocument json = JsonDocument.Parse(await failed.Content.ReadAsStringAsync(TestCloud.Bounded()));
            Assert.True(json.RootElement.TryGetProperty("errors", out _));
        }

        using HttpResponseMessage served = await Https.OnboardAsync(cloud, TestCloud.SimAddress);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(0, cloud.Faults.Pending);
    }

    [Fact]
    public async Task ConnectionStatsCountTlsBytesAndNameTheSim()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();

        using HttpResponseMessage response = await Https.OnboardAsync(cloud, TestCloud.SimAddress);
        int bodyLength = (await response.Content.ReadAsByteArrayAsync(TestCloud.Bounded())).Length;

        ConnectionStats stats = Assert.Single(cloud.Connections, c => c.Service == CloudService.Onboarding);
        Assert.Equal(TestCloud.SimAddress, stats.Remote.Address);
        Assert.Equal(cloud.OnboardingHost, stats.ServerName);
        Assert.Equal(ConnectionProtocol.Https, stats.Protocol);
        Assert.Equal(TestCloud.Iccid, stats.ClientId);
        Assert.True(stats.BytesOut > bodyLength, $"{stats.BytesOut} bytes out for a {bodyLength}-byte body");
        Assert.True(stats.BytesIn > 100, $"{stats.BytesIn} bytes in");
    }
}
