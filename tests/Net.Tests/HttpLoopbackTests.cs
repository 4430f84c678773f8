using System.Text;
using CellularIot.Host;
using CellularIot.Net.Http;
using CellularIot.TestSupport;
using Microsoft.AspNetCore.Http;
using Xunit;
using HttpRequest = CellularIot.Net.Http.HttpRequest;
using HttpResponse = CellularIot.Net.Http.HttpResponse;

namespace CellularIot.Net.Tests;

/// <summary>The firmware's HTTP/1.1 client against a real server (Kestrel) and a raw TCP server on loopback.</summary>
public sealed class HttpLoopbackTests
{
    private const string Csv = "\"8988228066612345678\",\"a-ats.iot.eu-west-3.amazonaws.com\"\r\n";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadsAContentLengthBodyAndSendsTheRightHead(bool tls)
    {
        string? seenHead = null;
        await using var server = await LoopbackWebServer.StartAsync(tls, async context =>
        {
            seenHead = Describe(context.Request);
            context.Response.ContentType = "text/csv";
            context.Response.ContentLength = Encoding.UTF8.GetByteCount(Csv);
            await context.Response.WriteAsync(Csv, Cancellation).ConfigureAwait(false);
        });

        HttpResponse response = await SendAsync(server.Port, tls, Request(server.Port));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/csv", response.MediaType);
        Assert.Equal(Csv, Encoding.UTF8.GetString(response.Body));
        Assert.Contains("GET /device-api/onboarding/mqtt/tokens", seenHead, StringComparison.Ordinal);
        Assert.Contains("Accept: text/csv", seenHead, StringComparison.Ordinal);
        Assert.Contains("User-Agent: CellularIot-test", seenHead, StringComparison.Ordinal);
        Assert.DoesNotContain("Range", seenHead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadsAChunkedBodyWrittenInPieces()
    {
        string body = string.Concat(Enumerable.Range(0, 400).Select(i => $"line {i};"));
        await using var server = await LoopbackWebServer.StartAsync(tls: false, async context =>
        {
            context.Response.ContentType = "application/json";
            for (int at = 0; at < body.Length; at += 777)
            {
                await context.Response.WriteAsync(body.Substring(at, Math.Min(777, body.Length - at)), Cancellation).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(Cancellation).ConfigureAwait(false);
            }
        });

        HttpResponse response = await SendAsync(server.Port, tls: false, Request(server.Port));

        Assert.Equal("chunked", response.Headers.Get("Transfer-Encoding"));
        Assert.Equal(body, Encoding.UTF8.GetString(response.Body));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ReadsErrorAnswers(int status)
    {
        await using var server = await LoopbackWebServer.StartAsync(tls: false, async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"statusText\":\"status " + status + "\",\"errors\":[]}", Cancellation).ConfigureAwait(false);
        });

        HttpResponse response = await SendAsync(server.Port, tls: false, Request(server.Port));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains("status " + status, Encoding.UTF8.GetString(response.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepsTheConnectionForSeveralRequests()
    {
        int served = 0;
        await using var server = await LoopbackWebServer.StartAsync(tls: false, async context =>
        {
            int number = Interlocked.Increment(ref served);
            await context.Response.WriteAsync("answer " + number, Cancellation).ConfigureAwait(false);
        });

        using var transport = await LoopbackTransport.ConnectAsync(server.Port, null, null, Cancellation);
        var connection = new HttpConnection(transport, new SystemClock(), new HttpSettings());
        HttpRequest request = Request(server.Port);
        request.Connection = HttpRequest.ConnectionKeepAlive;

        string[] answers = await Task.Run(() => Enumerable.Range(0, 3).Select(_ => Encoding.UTF8.GetString(connection.Send(request).Body)).ToArray(), Cancellation);

        Assert.Equal(["answer 1", "answer 2", "answer 3"], answers);
    }

    [Fact]
    public async Task RefusesARealChunkedBodyOverTheLimit()
    {
        await using var server = await LoopbackWebServer.StartAsync(tls: false, async context =>
        {
            for (int i = 0; i < 40; i++)
            {
                await context.Response.WriteAsync(new string('x', 1000), Cancellation).ConfigureAwait(false);
            }
        });

        var error = await Assert.ThrowsAsync<HttpException>(() => SendAsync(server.Port, tls: false, Request(server.Port), new HttpSettings { MaxBodyBytes = 16384 }));

        Assert.Equal(HttpError.BodyTooBig, error.Error);
    }

    [Fact]
    public async Task ReadsABodyEndedByTheClose()
    {
        using var server = RawServer.Answering("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n\r\n" + Csv);

        HttpResponse response = await SendAsync(server.Port, tls: false, Request(server.Port));

        Assert.Equal(Csv, Encoding.UTF8.GetString(response.Body));
        Assert.StartsWith("GET /device-api/onboarding/mqtt/tokens HTTP/1.1\r\n", server.Request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyShorterThanItsLengthIsAPrematureClose()
    {
        using var server = RawServer.Answering("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\nonly this");

        var error = await Assert.ThrowsAsync<HttpException>(() => SendAsync(server.Port, tls: false, Request(server.Port)));

        Assert.Equal(HttpError.PrematureClose, error.Error);
    }

    [Fact]
    public async Task ASilentServerTimesOut()
    {
        using var server = RawServer.Trickling([Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab")], 0, closeAfter: false);

        var error = await Assert.ThrowsAsync<HttpException>(() => SendAsync(server.Port, tls: false, Request(server.Port), new HttpSettings { ReadTimeoutMs = 300 }));

        Assert.Equal(HttpError.Timeout, error.Error);
    }

    [Fact]
    public async Task ATricklingServerHitsTheOverallTimeout()
    {
        byte[][] pieces = [Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"), .. Enumerable.Range(0, 100).Select(_ => new[] { (byte)'x' })];
        using var server = RawServer.Trickling(pieces, 50, closeAfter: true);

        var error = await Assert.ThrowsAsync<HttpException>(() => SendAsync(server.Port, tls: false, Request(server.Port), new HttpSettings { ReadTimeoutMs = 1000, OverallTimeoutMs = 600 }));

        Assert.Equal(HttpError.Timeout, error.Error);
        Assert.Contains("600 ms", error.Message, StringComparison.Ordinal);
    }

    private static HttpRequest Request(int port) => new($"127.0.0.1:{port}", "/device-api/onboarding/mqtt/tokens")
    {
        Accept = "text/csv",
        UserAgent = "CellularIot-test",
    };

    private static async Task<HttpResponse> SendAsync(int port, bool tls, HttpRequest request, HttpSettings? settings = null)
    {
        using var transport = await LoopbackTransport.ConnectAsync(port, tls ? "device.connectivity-suite.cloud" : null, TestCertificate.Server, Cancellation).ConfigureAwait(false);
        return await Task.Run(() => new HttpConnection(transport, new SystemClock(), settings ?? new HttpSettings()).Send(request), Cancellation).ConfigureAwait(false);
    }

    private static string Describe(Microsoft.AspNetCore.Http.HttpRequest request)
        => $"{request.Method} {request.Path}{request.QueryString}\n" + string.Join("\n", request.Headers.Select(h => $"{h.Key}: {h.Value}"));
}
