using System.Text;
using CellularIot.At;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The AT line framer: the modem's byte stream with prompts, raw blocks announced by a line and inline raw
/// blocks, fed whole and in random splits. The framer declares no exception for a valid range, and what it hands
/// on must not depend on how the bytes were split: lines, prompts and raw blocks come out the same.
/// </summary>
public sealed class AtFramerTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "at-framer";

    /// <inheritdoc/>
    public string Description => "LineFramer: lines, prompts, raw blocks (after a line and inline), any split";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        yield return Seed(16, "\r\nOK\r\n\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        yield return Seed(8, "AT+CAOPEN=0,0,\"TCP\",\"a\",443\r\r\n+CAOPEN: 0,0\r\n\r\nOK\r\n> ");
        yield return Seed(0, "\r\n+RAW: 5\r\nab\r\ncd\r\nOK\r\n+CARECV: 4,x\r\ny\r\nOK\r\n");
        yield return Seed(3, "\n\r\n\rDST: 1\r\n*PSUTTZ: 24/11/28\r\nSMS Ready\r\n" + new string('x', 300) + "\r\nOK\r\n");
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        int capacity = 8 + input.Below(64);
        int splitSeed = input.Byte();
        int maxPiece = 1 + input.Below(32);
        byte[] stream = input.Rest();

        string whole = Frame(stream, capacity, (feed, bytes) => feed(bytes, 0, bytes.Length));
        string split = Frame(stream, capacity, (feed, bytes) => Splits.Feed(bytes, splitSeed, maxPiece, feed));
        FuzzFindingException.Check(whole == split, "the framer's output depends on the split:\n" + whole + "\n---\n" + split);
    }

    private static byte[] Seed(byte capacity, string stream)
        => [capacity, 7, 5, .. Encoding.Latin1.GetBytes(stream)];

    private static string Frame(byte[] stream, int capacity, Action<Action<byte[], int, int>, byte[]> feedAll)
    {
        var sink = new Sink(capacity);
        var framer = new LineFramer(capacity, sink);
        sink.Framer = framer;
        framer.ArmPrompt(true);
        framer.ArmInlineRaw(Encoding.ASCII.GetBytes("+CARECV: "));
        feedAll(framer.Feed, stream);
        return sink.Events.ToString() + "|dropped " + framer.DroppedLines;
    }

    private sealed class Sink(int capacity) : ILineSink
    {
        private int rawOwed;

        public LineFramer Framer { get; set; }

        public StringBuilder Events { get; } = new();

        public void OnLine(byte[] line, int count)
        {
            FuzzFindingException.Check(count > 0 && count <= capacity, "a line of " + count + " bytes from a framer of " + capacity);
            for (int i = 0; i < count; i++)
            {
                FuzzFindingException.Check(line[i] != '\r' && line[i] != '\n', "a line holds a line end");
            }

            FuzzFindingException.Check(rawOwed == 0, "a line inside a raw block");
            string text = Encoding.Latin1.GetString(line, 0, count);
            Events.Append("L[").Append(text).Append(']');
            if (text.StartsWith("+RAW: ", StringComparison.Ordinal) && int.TryParse(text.AsSpan(6), out int announced) && announced >= 0 && announced < 4096)
            {
                rawOwed = announced;
                Events.Append(announced > 0 ? "R[" : string.Empty);
                Framer.BeginRaw(announced);
            }
        }

        public int OnInlineRawHeader(byte[] line, int count, bool final)
        {
            string text = Encoding.Latin1.GetString(line, 0, count);
            Events.Append("H[").Append(text).Append(']');
            const int PrefixLength = 9;
            int announced = count - 1 > PrefixLength && int.TryParse(text.AsSpan(PrefixLength, count - 1 - PrefixLength), out int n) && n >= 0 && n < 4096 ? n : -1;
            if (announced > 0)
            {
                rawOwed = announced;
                Events.Append("R[");
            }

            return announced;
        }

        public void OnRaw(byte[] data, int offset, int count)
        {
            FuzzFindingException.Check(count > 0 && count <= rawOwed, "raw piece of " + count + " with " + rawOwed + " owed");
            rawOwed -= count;
            Events.Append(Encoding.Latin1.GetString(data, offset, count));
        }

        public void OnRawEnd()
        {
            FuzzFindingException.Check(rawOwed == 0, "raw block ended with " + rawOwed + " bytes owed");
            Events.Append("]E");
        }

        public void OnPrompt()
        {
            Events.Append('P');
        }
    }
}
