using CellularIot.Text;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The text parsers below onboarding and the token: percent-decoding, base64url, CSV and JSON on any text. Each
/// declares <see cref="FormatException"/> and nothing else; what they accept keeps their limits.
/// </summary>
public sealed class TextTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "text";

    /// <inheritdoc/>
    public string Description => "PercentEncoding, Base64Url, CsvReader, JsonObject on any text";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        yield return [0, .. "a%20b%C3%A9%3F%25"u8];
        yield return [1, .. "eyJhbGciOiJSUzI1NiJ9"u8];
        yield return [2, .. "\"a,b\",c\r\nd,\"e\"\"f\"\n"u8];
        yield return [3, .. "{\"a\":\"b\\u00e9\\ud83d\\ude00\",\"n\":-12,\"o\":{\"x\":[1,2,{}]},\"t\":true,\"z\":null}"u8];
        yield return [3, .. "{\"username\":\"x\\ud800\",\"exp\":1714651200}"u8];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        int which = input.Below(4);
        string text = input.RestAsText();
        try
        {
            switch (which)
            {
                case 0:
                    PercentEncoding.Decode(text);
                    break;
                case 1:
                    byte[] bytes = Base64Url.Decode(text, 64);
                    FuzzFindingException.Check(bytes.Length <= 64, "base64url gave more bytes than allowed");
                    break;
                case 2:
                    string[][] records = CsvReader.Read(text, 4, 8);
                    FuzzFindingException.Check(records.Length <= 4 && records.All(r => r.Length <= 8), "CSV over its limits");
                    break;
                default:
                    JsonObject json = JsonObject.Parse(text);
                    json.GetString("username");
                    json.GetStringIgnoreCase("EXP");
                    json.TryGetInteger("exp", out _);
                    if (json.Count > 0)
                    {
                        json.NameAt(json.Count - 1);
                    }

                    break;
            }
        }
        catch (FormatException)
        {
            // Declared by every parser here.
        }
    }
}
