using System.Globalization;
using System.Text;
using CsCheck;
using Xunit;

namespace CellularIot.At.Tests;

/// <summary>The receiver fed random answers interleaved with look-alike URCs, random splits and garbage.</summary>
public sealed class AtReceiverProperties
{
    private static readonly Gen<int[]> Pieces = Gen.Int[1, 40].Array[1, 8];

    [Fact]
    public void AnswersSurviveSamePrefixUrcsAndAnySplit()
    {
        // Each element: an answer line "+CNACT: a,b,c" (two commas), or a URC "+CNACT: a" (no comma), or a handled URC.
        var element = Gen.Frequency(
            (3, Gen.Select(Gen.Int[0, 99], Gen.Int[0, 1], Gen.Int[0, 255]).Select((a, b, c) => (Kind: 0, Text: $"+CNACT: {a},{b},\"10.0.0.{c}\""))),
            (2, Gen.Int[0, 99].Select(a => (Kind: 1, Text: string.Create(CultureInfo.InvariantCulture, $"+CNACT: {a}")))),
            (1, Gen.Int[0, 11].Select(a => (Kind: 2, Text: string.Create(CultureInfo.InvariantCulture, $"+CADATAIND: {a}")))));
        Gen.Select(element.Array[0, 10], Pieces).Sample((elements, pieces) =>
        {
            var receiver = new AtReceiver(128, 16);
            receiver.Register("+CADATAIND: ", _ => { });
            var command = new AtCommand("AT+CNACT?").Expect("+CNACT: ", 2);
            receiver.Begin(command);
            string stream = string.Concat(elements.Select(e => "\r\n" + e.Text + "\r\n")) + "\r\nOK\r\n";
            Feeding.InPieces(Encoding.ASCII.GetBytes(stream), pieces, (data, offset, count) => receiver.Feed(data, offset, count));

            string[] answers = [.. elements.Where(e => e.Kind == 0).Select(e => e.Text)];
            Assert.Equal(AtOutcome.Ok, command.Response.Outcome);
            Assert.Equal(answers, Enumerable.Range(0, command.Response.LineCount).Select(command.Response.GetLine));
            Assert.Equal(elements.Count(e => e.Kind == 1), receiver.UnhandledUrcs);
            Assert.Equal(elements.Count(e => e.Kind == 2), receiver.PendingUrcs);
        });
    }

    [Fact]
    public void GarbageNeverThrowsWhateverCommandIsInFlight()
    {
        Gen.Select(Gen.Byte.Array[0, 3000], Pieces, Gen.Int[0, 4]).Sample((garbage, pieces, kind) =>
        {
            var receiver = new AtReceiver(64, 4);
            receiver.Register("+CADATAIND: ", _ => { });
            receiver.Register("RDY", _ => { });
            byte[] raw = new byte[32];
            AtCommand command = kind switch
            {
                0 => new AtCommand("AT+CSQ").Expect("+CSQ: ", 1),
                1 => new AtCommand("AT+CCID").ExpectBare(),
                2 => new AtCommand(32, 64, 2).Begin("AT+CARECV=0,32").Expect("+CARECV: ", 0).WithRawRead(AtRawRead.Inline, raw, 0, 32),
                3 => new AtCommand(32, 64, 2).Begin("AT+CFSRFILE=3,\"a\",0,32,0").Expect("+CFSRFILE: ", 0).WithRawRead(AtRawRead.AfterLine, raw, 0, 32),
                _ => new AtCommand("AT+CASEND=0,5").WithPayload(AtPrompt.Angle, new byte[5], 0, 5),
            };
            receiver.Begin(command);
            Feeding.InPieces(garbage, pieces, (data, offset, count) => receiver.Feed(data, offset, count));
            Assert.True(command.Response.RawCount <= raw.Length);
            Assert.True(command.Response.LineCount <= AtCommand.DefaultMaxLines);
            Assert.Equal(64, receiver.LineCapacity);
            Assert.True(receiver.PendingUrcs <= 4);
        });
    }

    [Fact]
    public void UnhandledUrcsAndFinalsAllocateNothing()
    {
        var line = Gen.Frequency(
            (2, Gen.Int[0, 5].Select(stat => string.Create(CultureInfo.InvariantCulture, $"+CEREG: {stat}"))),
            (1, Gen.Const("OK")),
            (1, Gen.Const("ERROR")),
            (1, Gen.Char['!', '~'].Array[1, 100].Select(chars => new string(chars))));
        Gen.Select(line.Array[1, 50], Pieces).Sample((lines, pieces) =>
        {
            var receiver = new AtReceiver(256, 8);
            receiver.Register("+CADATAIND: ", _ => { });
            Action<byte[], int, int> feed = (data, offset, count) => receiver.Feed(data, offset, count);
            byte[] stream = Encoding.ASCII.GetBytes(string.Concat(lines.Select(text => "\r\n" + text + "\r\n")));
            long before = GC.GetAllocatedBytesForCurrentThread();
            Feeding.InPieces(stream, pieces, feed);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
        });
    }
}
