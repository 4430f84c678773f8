using System.Globalization;
using System.Text;

namespace CellularIot.CloudSim.Http;

/// <summary>
/// Reads HTTP/1.1 requests from a stream with fixed limits, strictly: CRLF line ends, a Content-Length body only.
/// It never reads past the end of a request, so a WebSocket upgrade can take the stream over where it stops.
/// </summary>
internal sealed class HttpRequestReader(Stream stream, int maxBodyBytes)
{
    private const int MaxHeaderBytes = 16 * 1024;
    private const int MaxHeaders = 100;

    // A body over the limit but under this is read and discarded before the 413, so that a client still sending it
    // reads the answer instead of a reset; a larger one is refused without reading.
    private const long MaxDiscardBytes = 1024 * 1024;

    private readonly byte[] one = new byte[1];

    /// <summary>The next request, or null when the client closed cleanly between requests.</summary>
    public async Task<HttpRequest?> ReadAsync(CancellationToken cancellationToken)
    {
        var head = new List<byte>(1024);
        while (true)
        {
            int read = await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (head.Count == 0)
                {
                    return null;
                }

                throw new HttpFormatException(400, "the connection closed inside the request head");
            }

            if (head.Count == 0 && one[0] is < (byte)'A' or > (byte)'Z')
            {
                throw new HttpFormatException(400, $"the first byte 0x{one[0]:X2} cannot start an HTTP request", notHttp: true);
            }

            head.Add(one[0]);
            if (head.Count > MaxHeaderBytes)
            {
                throw new HttpFormatException(400, $"the request head is longer than {MaxHeaderBytes} bytes");
            }

            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                break;
            }
        }

        string text = Encoding.ASCII.GetString([.. head]);
        string[] lines = text[..^4].Split("\r\n");
        if (lines.Any(l => l.Contains('\n', StringComparison.Ordinal)))
        {
            throw new HttpFormatException(400, "a header line ends with a bare LF (HTTP needs CRLF)");
        }

        string[] requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || requestLine[1].Length == 0 || requestLine[1][0] != '/')
        {
            throw new HttpFormatException(400, $"malformed request line '{lines[0]}'");
        }

        if (requestLine[2] != "HTTP/1.1")
        {
            throw new HttpFormatException(400, $"unsupported version '{requestLine[2]}' (HTTP/1.1 expected)");
        }

        if (lines.Length - 1 > MaxHeaders)
        {
            throw new HttpFormatException(400, $"more than {MaxHeaders} headers");
        }

        var headers = new List<KeyValuePair<string, string>>(lines.Length - 1);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[..colon].Any(c => c is ' ' or '\t'))
            {
                throw new HttpFormatException(400, $"malformed header line '{line}'");
            }

            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        var request = new HttpRequest(requestLine[0], requestLine[1], headers, []);
        if (request.Header("Transfer-Encoding") is not null)
        {
            throw new HttpFormatException(400, "Transfer-Encoding bodies are not supported here; send Content-Length");
        }

        string? lengthText = request.Header("Content-Length");
        if (lengthText is null)
        {
            return request;
        }

        if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out long length))
        {
            throw new HttpFormatException(400, $"malformed Content-Length '{lengthText}'");
        }

        if (length > maxBodyBytes)
        {
            if (length <= MaxDiscardBytes)
            {
                byte[] discard = new byte[16 * 1024];
                for (long left = length; left > 0; left -= discard.Length)
                {
                    await stream.ReadExactlyAsync(discard.AsMemory(0, (int)Math.Min(discard.Length, left)), cancellationToken).ConfigureAwait(false);
                }
            }

            throw new HttpFormatException(413, $"the body of {length} bytes is larger than {maxBodyBytes} bytes");
        }

        byte[] body = new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return new HttpRequest(request.Method, request.Target, headers, body);
    }
}
