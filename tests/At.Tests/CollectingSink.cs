using System.Text;
using CellularIot.At;

namespace CellularIot.At.Tests;

/// <summary>Keeps what a <see cref="LineFramer"/> hands on, for comparison with what was fed.</summary>
internal sealed class CollectingSink : ILineSink
{
    private readonly List<byte> raw = [];

    public List<string> Lines { get; } = [];

    public List<byte[]> RawBlocks { get; } = [];

    public int LongestLine { get; private set; }

    /// <summary>Length of the inline-raw prefix, so the announced length can be read; 0 when unused.</summary>
    public int InlinePrefixLength { get; init; }

    public void OnLine(byte[] line, int count)
    {
        LongestLine = Math.Max(LongestLine, count);
        Lines.Add(Encoding.Latin1.GetString(line, 0, count));
    }

    public int OnInlineRawHeader(byte[] line, int count, bool final)
    {
        string digits = Encoding.ASCII.GetString(line, InlinePrefixLength, count - 1 - InlinePrefixLength);
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int announced) ? announced : -1;
    }

    public void OnRaw(byte[] data, int offset, int count) => raw.AddRange(data.AsSpan(offset, count).ToArray());

    public void OnRawEnd()
    {
        RawBlocks.Add([.. raw]);
        raw.Clear();
    }

    public void OnPrompt()
    {
    }
}
