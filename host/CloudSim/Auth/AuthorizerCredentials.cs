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

    /// <summary>
    /// The credentials of a WebSocket connection: those of the upgrade, each missing part taken from the CONNECT
    /// username. The seed's JavaScript sample sends only the name and the token as headers and the whole username
    /// in CONNECT, so the signature can only come from there.
    /// </summary>
    public static AuthorizerCredentials? Complete(AuthorizerCredentials? upgrade, AuthorizerCredentials? username)
    {
        if (upgrade is null || username is null)
        {
            return upgrade ?? username;
        }

        var filled = new List<string>();
        if (upgrade.Name is null && username.Name is not null)
        {
            filled.Add("name");
        }

        if (upgrade.Signature is null && username.Signature is not null)
        {
            filled.Add("signature");
        }

        if (upgrade.Token is null && username.Token is not null)
        {
            filled.Add("token");
        }

        return filled.Count == 0
            ? upgrade
            : new AuthorizerCredentials(
                upgrade.Name ?? username.Name,
                upgrade.Signature ?? username.Signature,
                upgrade.Token ?? username.Token,
                $"{upgrade.Source} ({string.Join(", ", filled)} from the MQTT username)");
    }
}
