namespace CellularIot.CloudSim.Http;

/// <summary>One parsed HTTP/1.1 request: request line, headers in order, and its body.</summary>
internal sealed class HttpRequest(string method, string target, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
{
    public string Method { get; } = method;

    /// <summary>The request target as sent (path and query, still percent-encoded).</summary>
    public string Target { get; } = target;

    /// <summary>The path part of the target, still percent-encoded.</summary>
    public string Path => Target.Split('?', 2)[0];

    /// <summary>The query part of the target (without <c>?</c>), or null when there is none.</summary>
    public string? Query => Target.Contains('?', StringComparison.Ordinal) ? Target.Split('?', 2)[1] : null;

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; } = headers;

    public byte[] Body { get; } = body;

    /// <summary>The first header of this name (names compare without case), or null.</summary>
    public string? Header(string name)
    {
        foreach (KeyValuePair<string, string> header in Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }

    /// <summary>True when the client asked to close after this request.</summary>
    public bool WantsClose => Header("Connection")?.Split(',').Any(t => t.Trim().Equals("close", StringComparison.OrdinalIgnoreCase)) == true;
}
