using System.Text;
using CellularIot.Cloud.Onboarding;
using CellularIot.Cloud.Token;
using CellularIot.Host;
using CellularIot.Net.Http;
using CellularIot.TestSupport;
using CellularIot.Text;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CellularIot.Onboarding.Tests;

/// <summary>
/// One onboarding attempt end to end: TLS with SNI to a real server on loopback that plays 1NCE's endpoint,
/// the CSV or JSON answer, error answers, and the token kept across a "reboot" in files.
/// </summary>
public sealed class OnboardingLoopbackTests : IDisposable
{
    private const string Iccid = "8988228066612345678";
    private const string Endpoint = "a18ri6znfabcde-ats.iot.eu-west-3.amazonaws.com";
    private const string RootCa = "https://www.amazontrust.com/repository/AmazonRootCA1.pem";
    private const string Signature = "AbC%2Bde%2Ffg%2BHi%3D%3D";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "net-tests-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> seen = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string Jwt
    {
        get
        {
            long exp = DateTimeOffset.UtcNow.AddHours(24).ToUnixTimeSeconds();
            return Base64Url("{\"alg\":\"RS256\"}") + "." + Base64Url("{\"sub\":\"" + Iccid + "\",\"exp\":" + exp + "}") + ".c2ln";
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task FetchesTheCsvAnswerOverTlsAndKeepsItAcrossAReboot()
    {
        string username = Iccid + "?x-amz-customauthorizer-name=1nce-jwt-authorizer&x-amz-customauthorizer-signature=" + Signature + "&token=" + Jwt;
        string csv = $"\"{username}\",\"{Endpoint}\",\"{Iccid}\",\"{RootCa}\"\n";
        await using var server = await LoopbackWebServer.StartAsync(tls: true, context => Answer(context, 200, "text/csv", csv));

        OnboardingResult result = await FetchAsync(server.Port);

        Assert.Equal(username, result.Username);
        Assert.Equal(Endpoint, result.EndpointHost);
        Assert.Equal(Iccid, result.ClientId);
        Assert.True(RootCaCheck.Check(result.AmazonRootCaUrl).MatchesShippedRoot);
        Assert.Equal(["device.connectivity-suite.cloud"], server.ServerNames);
        Assert.Contains("host=device.connectivity-suite.cloud", seen);
        Assert.Contains("accept=text/csv", seen);
        Assert.Contains("path=/device-api/onboarding/mqtt/tokens", seen);
        Assert.Contains("range=", seen);

        var clock = new SystemClock();
        var log = new TestLog();
        new TokenLifecycle(new TokenStore(new FileBlobStore(folder)), clock, new TokenSettings(), log).Accept(result);
        var afterReboot = new TokenLifecycle(new TokenStore(new FileBlobStore(folder)), clock, new TokenSettings(), log);
        Assert.True(afterReboot.RestoreFromStore());
        Assert.True(afterReboot.Lifetime.ExpiryFromJwt);
        Assert.Equal(username, afterReboot.Current.Credentials.Username);
        Assert.Equal("AbC+de/fg+Hi==", CustomAuthUsername.Parse(afterReboot.Current.Credentials.Username).Signature);
    }

    [Fact]
    public async Task ReadsTheJsonAnswerWhenTheServerIgnoresAccept()
    {
        string username = Iccid + "?x-amz-customauthorizer-name=1nce-jwt-authorizer&x-amz-customauthorizer-signature=" + Signature + "&token=" + Jwt;
        string json = $"{{\"username\":\"{username}\",\"iotCoreEndpointUrl\":\"{Endpoint}\",\"clientId\":\"{Iccid}\",\"amazonRootCaUrl\":\"{RootCa.Replace("/", "\\/", StringComparison.Ordinal)}\"}}";
        await using var server = await LoopbackWebServer.StartAsync(tls: true, context => Answer(context, 200, "application/json; charset=utf-8", json));

        OnboardingResult result = await FetchAsync(server.Port);

        Assert.Equal(username, result.Username);
        Assert.Equal(RootCa, result.AmazonRootCaUrl);
    }

    [Fact]
    public async Task ANotFoundAnswerMeansTheSimIsNotActive()
    {
        await using var server = await LoopbackWebServer.StartAsync(tls: true, context => Answer(context, 404, "application/json", "{\"statusText\":\"Not Found\",\"errors\":[{\"message\":\"SIM not active\"}]}"));

        var error = await Assert.ThrowsAsync<OnboardingException>(() => FetchAsync(server.Port));

        Assert.Equal(OnboardingError.HttpStatus, error.Error);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Not Found", error.StatusText);
        RetryDecision decision = new OnboardingRetryPolicy(new OnboardingRetrySettings(), new Random(1)).OnFailure(error);
        Assert.True(decision.SimInactive);
        Assert.True(decision.DelayMs >= 60 * 60 * 1000);
    }

    [Fact]
    public async Task AServerErrorIsRetriedSoon()
    {
        await using var server = await LoopbackWebServer.StartAsync(tls: true, context => Answer(context, 503, "application/json", "{\"statusText\":\"Service Unavailable\"}"));

        var error = await Assert.ThrowsAsync<OnboardingException>(() => FetchAsync(server.Port));

        Assert.Equal(503, error.StatusCode);
        Assert.True(OnboardingRetryPolicy.IsTransient(error));
        Assert.True(new OnboardingRetryPolicy(new OnboardingRetrySettings(), new Random(1)).OnFailure(error).DelayMs <= 10000);
    }

    [Fact]
    public async Task AConnectionDroppedMidAnswerIsATransportError()
    {
        using var server = RawServer.Answering("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n\"89882280");
        using var transport = await LoopbackTransport.ConnectAsync(server.Port, null, null, Cancellation);

        var error = await Assert.ThrowsAsync<OnboardingException>(() => Task.Run(() => new OnboardingClient(new SystemClock(), new HttpSettings()).Fetch(transport), Cancellation));

        Assert.Equal(OnboardingError.Transport, error.Error);
        Assert.DoesNotContain("Range", server.Request, StringComparison.Ordinal);
    }

    private static string Base64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<OnboardingResult> FetchAsync(int port)
    {
        using var transport = await LoopbackTransport.ConnectAsync(port, OnboardingClient.Host, TestCertificate.Server, Cancellation).ConfigureAwait(false);
        return await Task.Run(() => new OnboardingClient(new SystemClock(), new HttpSettings()).Fetch(transport), Cancellation).ConfigureAwait(false);
    }

    private async Task Answer(HttpContext context, int status, string contentType, string body)
    {
        lock (seen)
        {
            seen.Add("host=" + context.Request.Host.Value);
            seen.Add("accept=" + context.Request.Headers.Accept);
            seen.Add("path=" + context.Request.Path);
            seen.Add("range=" + context.Request.Headers.Range);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, Cancellation).ConfigureAwait(false);
    }
}
