using System.Globalization;
using System.Text;

namespace CellularIot.CloudSim.Http;

/// <summary>Writes one HTTP/1.1 response: status line, headers (lower-case names, as the seed's sample shows) and body.</summary>
internal static class HttpResponse
{
    public static async Task WriteAsync(
        Stream stream,
        int status,
        string contentType,
        string body,
        bool close,
        DateTimeOffset now,
        IEnumerable<KeyValuePair<string, string>>? extraHeaders,
        CancellationToken cancellationToken)
    {
        byte[] content = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reason(status)}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"date: {now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"content-type: {contentType}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"content-length: {content.Length}\r\n");
        foreach (KeyValuePair<string, string> header in extraHeaders ?? [])
        {
            head.Append(CultureInfo.InvariantCulture, $"{header.Key}: {header.Value}\r\n");
        }

        head.Append(close ? "connection: close\r\n" : "connection: keep-alive\r\n");
        head.Append("\r\n");
        byte[] headBytes = Encoding.ASCII.GetBytes(head.ToString());
        byte[] all = new byte[headBytes.Length + content.Length];
        headBytes.CopyTo(all, 0);
        content.CopyTo(all, headBytes.Length);
        await stream.WriteAsync(all, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the head of a response with no body (a 101 switch).</summary>
    public static async Task WriteHeadAsync(Stream stream, int status, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reason(status)}\r\n");
        foreach (KeyValuePair<string, string> header in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{header.Key}: {header.Value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the host header names <paramref name="host"/>, with or without a port.</summary>
    public static bool HostMatches(string? hostHeader, string host)
    {
        if (hostHeader is null)
        {
            return false;
        }

        int colon = hostHeader.LastIndexOf(':');
        string name = colon >= 0 && hostHeader[(colon + 1)..].All(char.IsAsciiDigit) ? hostHeader[..colon] : hostHeader;
        return string.Equals(name, host, StringComparison.OrdinalIgnoreCase);
    }

    private static string Reason(int status) => status switch
    {
        101 => "Switching Protocols",
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        413 => "Payload Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
