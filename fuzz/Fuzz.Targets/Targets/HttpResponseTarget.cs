using System.Text;
using CellularIot.Net;
using CellularIot.Net.Http;
using CellularIot.Tests.Net.Support;
using CellularIot.Tests.Support;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The HTTP/1.1 response reader on any server byte stream, in random splits, with the peer closing or going
/// silent at the end: only <see cref="HttpException"/> escapes (a close included), nothing is read past the limits,
/// and the time a response may take is bounded by the overall timeout on the shared clock.
/// </summary>
public sealed class HttpResponseTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "http-response";

    /// <inheritdoc/>
    public string Description => "HttpResponseReader.ReadResponse and ReadHead, any split, close or silence";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        yield return Seed(0, "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 5\r\n\r\na,b,c");
        yield return Seed(0, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=y\r\nWiki\r\n0\r\nTrailer: 1\r\n\r\n");
        yield return Seed(0, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n{\"statusText\":\"down\"}");
        yield return Seed(1, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x82\x02hi");
        yield return Seed(0, "HTTP/1.0 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n");
        yield return Seed(0, "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        bool headOnly = input.Bool();
        bool closeAtEnd = input.Bool();
        int splitSeed = input.Byte();
        int maxPiece = 1 + input.Below(64);
        var settings = new HttpSettings();
        if (input.Bool())
        {
            settings.MaxHeaderBytes = 64 + input.Below(2048);
            settings.MaxBodyBytes = 1 + input.Below(4096);
        }

        var clock = new ManualClock();
        var transport = new ScriptedTransport(clock) { CloseWhenDrained = closeAtEnd };
        transport.Feed(input.Rest());
        transport.SplitRandomly(splitSeed, maxPiece);
        var reader = new HttpResponseReader(new TransportReader(transport, 1024), clock, settings);
        long started = clock.MonotonicMs;
        try
        {
            HttpResponse response = headOnly ? reader.ReadHead() : reader.ReadResponse();
            FuzzFindingException.Check(response.StatusCode >= 100 && response.StatusCode <= 999, "status " + response.StatusCode);
            FuzzFindingException.Check(response.Body == null || response.Body.Length <= settings.MaxBodyBytes, "a body over the limit");
            _ = response.MediaType;
        }
        catch (HttpException)
        {
            // Declared: malformed, over a limit, cut off or late.
        }

        FuzzFindingException.Check(clock.MonotonicMs - started <= settings.OverallTimeoutMs + settings.ReadTimeoutMs, "the response took " + (clock.MonotonicMs - started) + " ms");
    }

    private static byte[] Seed(byte headOnly, string response) => [headOnly, 1, 3, 16, 0, .. Encoding.Latin1.GetBytes(response)];
}
