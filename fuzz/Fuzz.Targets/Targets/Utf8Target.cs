using System.Text;
using CellularIot.Bytes;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The firmware's UTF-8 codec against .NET's strict one: the same bytes are accepted and decode to the same text,
/// only <see cref="Utf8Exception"/> escapes, and text (lone surrogates included) encodes as .NET does or is refused.
/// </summary>
public sealed class Utf8Target : IFuzzTarget
{
    private static readonly UTF8Encoding Strict = new(false, true);

    /// <inheritdoc/>
    public string Name => "utf8";

    /// <inheritdoc/>
    public string Description => "Utf8: decode and encode against .NET's strict UTF-8";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        yield return [0, .. Encoding.UTF8.GetBytes("A\u00E9\u20AC\U0001F600")];
        yield return [1, .. Encoding.UTF8.GetBytes("A\u00E9\u20AC\U0001F600")];
        yield return [0, 0xC0, 0x80, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80, 0xE2, 0x82];
        yield return [1, 0x41, 0xFF, 0xD8, 0x00, 0x42, 0xFF, 0xDC, 0x00];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        bool encode = input.Bool();
        if (encode)
        {
            Encode(input.RestAsText());
            return;
        }

        byte[] bytes = input.Rest();
        string expected;
        try
        {
            expected = Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            expected = null;
        }

        string actual;
        try
        {
            actual = Utf8.Decode(bytes, 0, bytes.Length);
            FuzzFindingException.Check(Utf8.GetCharCount(bytes, 0, bytes.Length) == actual.Length, "GetCharCount disagrees with Decode");
        }
        catch (Utf8Exception)
        {
            actual = null;
        }

        FuzzFindingException.Check(actual == expected, $"decoded '{actual}' where .NET decodes '{expected}'");
    }

    private static void Encode(string text)
    {
        byte[] expected;
        try
        {
            expected = Strict.GetBytes(text);
        }
        catch (EncoderFallbackException)
        {
            expected = null;
        }

        try
        {
            byte[] actual = Utf8.GetBytes(text);
            FuzzFindingException.Check(expected != null && actual.AsSpan().SequenceEqual(expected), "encoded text .NET refuses, or differently");
            FuzzFindingException.Check(Utf8.GetByteCount(text) == actual.Length, "GetByteCount disagrees with GetBytes");
            byte[] tooSmall = new byte[actual.Length > 0 ? actual.Length - 1 : 0];
            if (actual.Length > 0)
            {
                try
                {
                    Utf8.Encode(text, tooSmall, 0);
                    throw new FuzzFindingException("Encode wrote into a destination too small");
                }
                catch (ArgumentException)
                {
                    // Declared: the destination is too small.
                }
            }
        }
        catch (Utf8Exception)
        {
            FuzzFindingException.Check(expected == null, "refused text .NET encodes");
        }
    }
}
