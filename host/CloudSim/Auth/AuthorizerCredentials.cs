using CellularIot.CloudSim.Http;

namespace CellularIot.CloudSim.Auth;

/// <summary>
/// What a client presents to the custom authorizer: its name, the token's signature and the token, and where they
/// were found (MQTT username, WebSocket/HTTP headers, or query string).
/// </summary>
internal sealed record AuthorizerCredentials(string? Name, string? Signature, string? Token, string Source)
{
    public const string NameKey = "x-amz-customauthorizer-name";
    public const string SignatureKey = "x-amz-customauthorizer-signature";
    public const string TokenKey = "token";

    /// <summary>
    /// From an MQTT CONNECT username: the query string after the first <c>?</c>, decoded once. A username
    /// without <c>?</c> (for example one still percent-encoded as a whole) carries no credentials.
    /// </summary>
    public static AuthorizerCredentials? FromUsername(string? username)
    {
        int question = username?.IndexOf('?', StringComparison.Ordinal) ?? -1;
        if (username is null || question < 0)
        {
            return null;
        }

        return FromQuery(QueryString.Parse(username[(question + 1)..]), "MQTT username");
    }

    /// <summary>From decoded query pairs; null when none of the three names is there.</summary>
    public static AuthorizerCredentials? FromQuery(IReadOnlyDictionary<string, string> query, string source = "query string")
    {
        string? name = query.GetValueOrDefault(NameKey);
        string? signature = query.GetValueOrDefault(SignatureKey);
        string? token = query.GetValueOrDefault(TokenKey);
        return name is null && signature is null && token is null ? null : new AuthorizerCredentials(name, signature, token, source);
    }

    /// <summary>From request headers, whose values are taken as they are (not URL-decoded); null when none is there.</summary>
    public static AuthorizerCredentials? FromHeaders(Func<string, string?> header)
    {
        string? name = header(NameKey);
        string? signature = header(SignatureKey);
        string? token = header(TokenKey);
        return name is null && signature is null && token is null ? null : new AuthorizerCredentials(name, signature, token, "headers");
    }
}
