using System.Globalization;
using System.Text;

namespace CellularIot.ModemSim;

/// <summary>One piece of AT traffic: a command line, a raw data block, or one write of the module's.</summary>
public sealed class AtTrafficEntry
{
    internal AtTrafficEntry(DateTimeOffset timestamp, long elapsedMs, TrafficDirection direction, byte[] bytes)
    {
        Timestamp = timestamp;
        ElapsedMs = elapsedMs;
        Direction = direction;
        Bytes = bytes;
    }

    /// <summary>Wall-clock time the bytes were seen.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Milliseconds since the simulator was created (monotonic).</summary>
    public long ElapsedMs { get; }

    /// <summary>Which way the bytes went.</summary>
    public TrafficDirection Direction { get; }

    /// <summary>The bytes exactly as they crossed the link (after any injected garbling).</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The bytes as printable text: CR and LF as \r and \n, other control and non-ASCII bytes as \xNN.</summary>
    public string Text => Escape(Bytes.Span);

    /// <summary>A log line: elapsed time, direction arrow, escaped bytes.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{ElapsedMs,8} {(Direction == TrafficDirection.ToModem ? "->" : "<-")} {Text}");

    /// <summary>Renders bytes as printable ASCII.</summary>
    public static string Escape(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length + 8);
        foreach (byte b in bytes)
        {
            switch (b)
            {
                case (byte)'\r':
                    text.Append("\\r");
                    break;
                case (byte)'\n':
                    text.Append("\\n");
                    break;
                case (byte)'\\':
                    text.Append("\\\\");
                    break;
                case >= 0x20 and < 0x7F:
                    text.Append((char)b);
                    break;
                default:
                    text.Append(CultureInfo.InvariantCulture, $"\\x{b:X2}");
                    break;
            }
        }

        return text.ToString();
    }
}
