using System.Globalization;
using System.Text;

namespace CellularIot.ModemSim;

/// <summary>One piece of AT traffic: a command line, a raw data block, or one write of the module's.</summary>
public sealed class AtTrafficEntry
{
    internal AtTrafficEntry(DateTimeOffset timestamp, long elapsedMs, TrafficDirection direction, byte[] bytes, int dataBytes = 0)
    {
        Timestamp = timestamp;
        ElapsedMs = elapsedMs;
        Direction = direction;
        Bytes = bytes;
        DataBytes = Math.Clamp(dataBytes, 0, bytes.Length);
    }

    /// <summary>
    /// How many of the last bytes are data rather than AT text: a socket's bytes (sent after CASEND's prompt, or
    /// received in CARECV's answer) or a file's. They cross the line in the clear, since TLS runs inside the module,
    /// the login's token and signature among them.
    /// </summary>
    public int DataBytes { get; }

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

    /// <summary>
    /// A log line: elapsed time, direction arrow, escaped bytes, with the data shown by its size only, so that a
    /// trace of the line never prints the login (the token is a credential: no log holds it whole). <see cref="Text"/>
    /// and <see cref="Bytes"/> have it all.
    /// </summary>
    public override string ToString()
    {
        string shown = DataBytes == 0 ? Text : Escape(Bytes.Span[..^DataBytes]) + $"[{DataBytes} bytes of data]";
        return string.Create(CultureInfo.InvariantCulture, $"{ElapsedMs,8} {(Direction == TrafficDirection.ToModem ? "->" : "<-")} {shown}");
    }

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
