namespace CellularIot.CloudSim.Http;

/// <summary>Query strings as AWS reads them: <c>&amp;</c>-separated pairs, each name and value form-decoded once.</summary>
internal static class QueryString
{
    /// <summary>The pairs of <paramref name="query"/> (without the <c>?</c>); the first of a repeated name wins.</summary>
    public static Dictionary<string, string> Parse(string? query)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(query))
        {
            return pairs;
        }

        foreach (string pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            string name = Decode(equals < 0 ? pair : pair[..equals]);
            string value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            pairs.TryAdd(name, value);
        }

        return pairs;
    }

    /// <summary>
    /// Form decoding: <c>+</c> is a space and <c>%XX</c> a byte. So a signature whose <c>+</c> was not sent as
    /// <c>%2B</c> arrives broken, as it does at AWS.
    /// </summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
