using System.Globalization;
using System.Text;

namespace CellularIot.Host.Transcripts;

/// <summary>
/// The text form of a transcript (docs/transcripts.md): one record a line, <c>&lt;seconds&gt; &lt;direction&gt; &lt;bytes&gt;</c>,
/// with <c>&gt;</c> for host to modem and <c>&lt;</c> for modem to host; the bytes are printable ASCII as they are and
/// <c>\r</c>, <c>\n</c>, <c>\\</c> and <c>\xHH</c> for everything else (and for a space at the end of a record, which
/// editors strip). Lines starting with <c>#</c> are comments, and <c># expect: ...</c> declares the outcome.
/// </summary>
public static class TranscriptFormat
{
    /// <summary>The first line of every transcript.</summary>
    public const string Header = "# cellulariot AT transcript 1";

    /// <summary>The comment that declares an expected outcome.</summary>
    public const string ExpectPrefix = "# expect: ";

    /// <summary>The line for one record.</summary>
    public static string Line(TranscriptRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string seconds = (record.TimeMs / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
        return seconds + (record.Direction == TranscriptDirection.ToModem ? " > " : " < ") + Escape(record.Bytes);
    }

    /// <summary>Reads a record line; false for comments, blank lines and lines that are not records.</summary>
    public static bool TryParse(string line, out TranscriptRecord? record)
    {
        ArgumentNullException.ThrowIfNull(line);
        record = null;
        int space = line.IndexOf(' ', StringComparison.Ordinal);
        if (line.StartsWith('#') || space < 1 || line.Length < space + 3 || line[space + 2] != ' '
            || !double.TryParse(line[..space], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            return false;
        }

        TranscriptDirection direction;
        switch (line[space + 1])
        {
            case '>':
                direction = TranscriptDirection.ToModem;
                break;
            case '<':
                direction = TranscriptDirection.FromModem;
                break;
            default:
                return false;
        }

        record = new TranscriptRecord((long)Math.Round(seconds * 1000), direction, Unescape(line[(space + 3)..]));
        return true;
    }

    /// <summary>The escaped text of <paramref name="bytes"/>.</summary>
    public static string Escape(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var text = new StringBuilder(bytes.Length + 8);
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            bool last = i == bytes.Length - 1;
            if (b == '\r')
            {
                text.Append("\\r");
            }
            else if (b == '\n')
            {
                text.Append("\\n");
            }
            else if (b == '\\')
            {
                text.Append("\\\\");
            }
            else if (b < 0x20 || b > 0x7E || (b == ' ' && last))
            {
                text.Append("\\x").Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append((char)b);
            }
        }

        return text.ToString();
    }

    /// <summary>The bytes of escaped <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">A malformed escape.</exception>
    public static byte[] Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new List<byte>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\\')
            {
                bytes.Add(c <= 0x7E ? (byte)c : throw new FormatException("transcripts hold ASCII only; escape other bytes as \\xHH"));
                continue;
            }

            char next = i + 1 < text.Length ? text[++i] : throw new FormatException("a lone backslash at the end");
            switch (next)
            {
                case 'r':
                    bytes.Add((byte)'\r');
                    break;
                case 'n':
                    bytes.Add((byte)'\n');
                    break;
                case '\\':
                    bytes.Add((byte)'\\');
                    break;
                case 'x' when i + 2 < text.Length && byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte value):
                    bytes.Add(value);
                    i += 2;
                    break;
                default:
                    throw new FormatException("unknown escape \\" + next);
            }
        }

        return [.. bytes];
    }
}
