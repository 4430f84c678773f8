using System.Text;

namespace CellularIot.Fuzz;

/// <summary>
/// Reads a fuzz case as a sequence of choices. Every byte sequence is a valid case: past the end each choice reads
/// as zero, so a fuzzer that shortens an input only ever shortens the choices it makes, never breaks the reading.
/// </summary>
public sealed class FuzzInput
{
    private readonly byte[] data;
    private int at;

    /// <summary>Wraps <paramref name="data"/>; the input does not copy it.</summary>
    public FuzzInput(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        this.data = data;
    }

    /// <summary>Bytes not read yet.</summary>
    public int Remaining => data.Length - at;

    /// <summary>The next byte, or 0 past the end.</summary>
    public byte Byte() => at < data.Length ? data[at++] : (byte)0;

    /// <summary>True for an odd byte.</summary>
    public bool Bool() => (Byte() & 1) == 1;

    /// <summary>A number from 0 to <paramref name="bound"/> - 1 (two bytes when the bound needs them).</summary>
    public int Below(int bound)
    {
        if (bound <= 1)
        {
            return 0;
        }

        int value = bound <= 256 ? Byte() : (Byte() << 8) | Byte();
        return value % bound;
    }

    /// <summary>A length-prefixed run of at most <paramref name="max"/> bytes (one length byte, two above 255).</summary>
    public byte[] Bytes(int max)
    {
        return Take(Below(max + 1));
    }

    /// <summary>The next <paramref name="count"/> bytes, or as many as are left.</summary>
    public byte[] Take(int count)
    {
        int length = Math.Min(Math.Max(0, count), Remaining);
        byte[] bytes = data.AsSpan(at, length).ToArray();
        at += length;
        return bytes;
    }

    /// <summary>Every byte not read yet.</summary>
    public byte[] Rest()
    {
        byte[] bytes = data.AsSpan(at).ToArray();
        at = data.Length;
        return bytes;
    }

    /// <summary>A length-prefixed text of at most <paramref name="max"/> bytes, see <see cref="ToText"/>.</summary>
    public string Text(int max) => ToText(Bytes(max));

    /// <summary>The rest of the input as text, see <see cref="ToText"/>.</summary>
    public string RestAsText() => ToText(Rest());

    /// <summary>
    /// Text from bytes: well-formed UTF-8 decodes as UTF-8, so seeds are readable; a byte that starts no valid
    /// sequence stands for itself (U+0080 to U+00FF), and 0xFF followed by two bytes is any UTF-16 unit, lone
    /// surrogates and U+0000 included, so every string a parser can meet is reachable.
    /// </summary>
    public static string ToText(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var text = new StringBuilder(bytes.Length);
        int i = 0;
        while (i < bytes.Length)
        {
            byte b = bytes[i];
            if (b == 0xFF && i + 2 < bytes.Length)
            {
                text.Append((char)((bytes[i + 1] << 8) | bytes[i + 2]));
                i += 3;
                continue;
            }

            int length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
            if (length > 1 && i + length <= bytes.Length && Rune.DecodeFromUtf8(bytes.AsSpan(i, length), out Rune rune, out int used) == System.Buffers.OperationStatus.Done && used == length)
            {
                text.Append(rune.ToString());
                i += length;
                continue;
            }

            text.Append((char)b);
            i++;
        }

        return text.ToString();
    }
}
