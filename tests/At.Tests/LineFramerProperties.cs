using System.Text;
using CsCheck;
using Xunit;

namespace CellularIot.At.Tests;

/// <summary>The line framer fed random valid streams, split anywhere, and random garbage.</summary>
public sealed class LineFramerProperties
{
    private const int Capacity = 64;

    private static readonly Gen<string> LineText = Gen.Char[' ', '~'].Array[1, Capacity].Select(chars => new string(chars));
    private static readonly Gen<string> LineEnd = Gen.OneOf("\r\n", "\n", "\r", "\n\r", "\r\n\r\n");
    private static readonly Gen<int[]> Pieces = Gen.Int[1, 40].Array[1, 8];

    [Fact]
    public void ValidLinesSurviveAnySplit()
    {
        Gen.Select(Gen.Select(LineText, LineEnd).Array[0, 30], Pieces).Sample((lines, pieces) =>
        {
            var stream = new StringBuilder();
            foreach (var (text, end) in lines)
            {
                stream.Append(text).Append(end);
            }

            var sink = new CollectingSink();
            var framer = new LineFramer(Capacity, sink);
            Feeding.InPieces(Encoding.ASCII.GetBytes(stream.ToString()), pieces, framer.Feed);
            Assert.Equal(lines.Select(line => line.Item1), sink.Lines);
            Assert.Equal(0, framer.DroppedLines);
        });
    }

    [Fact]
    public void OverlongLinesAreDroppedAndCountedAndTheRestSurvive()
    {
        var overlong = Gen.Char['!', '~'].Array[Capacity + 1, 4 * Capacity].Select(chars => new string(chars));
        var entry = Gen.Frequency((3, LineText.Select(text => (text, false))), (1, overlong.Select(text => (text, true))));
        Gen.Select(entry.Array[0, 30], Pieces).Sample((lines, pieces) =>
        {
            string stream = string.Concat(lines.Select(line => "\r\n" + line.text + "\r\n"));
            var sink = new CollectingSink();
            var framer = new LineFramer(Capacity, sink);
            Feeding.InPieces(Encoding.ASCII.GetBytes(stream), pieces, framer.Feed);
            Assert.Equal(lines.Where(line => !line.Item2).Select(line => line.text), sink.Lines);
            Assert.Equal(lines.Count(line => line.Item2), framer.DroppedLines);
            Assert.Equal(Capacity, framer.LineCapacity);
        });
    }

    [Fact]
    public void GarbageNeverThrowsAndNeverMakesALineLongerThanTheBuffer()
    {
        Gen.Select(Gen.Byte.Array[0, 2000], Pieces, Gen.Bool).Sample((garbage, pieces, armed) =>
        {
            var sink = new CollectingSink { InlinePrefixLength = "+CARECV: ".Length };
            var framer = new LineFramer(Capacity, sink);
            framer.ArmPrompt(armed);
            framer.ArmInlineRaw(armed ? Encoding.ASCII.GetBytes("+CARECV: ") : null);
            Feeding.InPieces(garbage, pieces, framer.Feed);
            Assert.True(sink.LongestLine <= Capacity);
            Assert.All(sink.Lines, line => Assert.DoesNotContain('\r', line));
            Assert.All(sink.Lines, line => Assert.DoesNotContain('\n', line));
            Assert.Equal(Capacity, framer.LineCapacity);
        });
    }

    [Fact]
    public void RawBlocksOfAnyBytesSurviveAnySplit()
    {
        Gen.Select(Gen.Byte.Array[1, 300].Array[1, 5], Pieces).Sample((blocks, pieces) =>
        {
            var stream = new List<byte>();
            foreach (byte[] block in blocks)
            {
                stream.AddRange(Encoding.ASCII.GetBytes("\r\n+CARECV: " + block.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ","));
                stream.AddRange(block);
                stream.AddRange("\r\nOK\r\n"u8.ToArray());
            }

            var sink = new CollectingSink { InlinePrefixLength = "+CARECV: ".Length };
            var framer = new LineFramer(Capacity, sink);
            framer.ArmInlineRaw(Encoding.ASCII.GetBytes("+CARECV: "));
            Feeding.InPieces([.. stream], pieces, framer.Feed);
            Assert.Equal(blocks, sink.RawBlocks);
            Assert.Equal(Enumerable.Repeat("OK", blocks.Length), sink.Lines);
        });
    }
}
