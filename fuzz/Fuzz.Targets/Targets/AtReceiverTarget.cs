using System.Text;
using CellularIot.At;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The AT receiver: commands of every answer shape the drivers use (information lines, bare lines, a result after
/// OK, a success line, the prompt with a payload, raw reads inline and after a line) answered by fuzzed bytes with
/// URCs mixed in, fed whole and in random splits. Nothing may throw, and the outcome, lines, raw bytes and URCs
/// must not depend on the split.
/// </summary>
public sealed class AtReceiverTarget : IFuzzTarget
{
    private static readonly string[] Urcs = ["+CADATAIND:", "+CASTATE:", "+APP PDP:", "DST:", "*PSUTTZ:", "RDY", "NORMAL POWER DOWN"];

    /// <inheritdoc/>
    public string Name => "at-receiver";

    /// <inheritdoc/>
    public string Description => "AtReceiver: every command answer shape, URCs, raw reads, any split";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        yield return Seed(0, "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        yield return Seed(1, "\r\n8988228066612345678\r\n\r\nOK\r\n");
        yield return Seed(2, "\r\nOK\r\n\r\n+CAOPEN: 0,0\r\n");
        yield return Seed(3, "\r\nOK\r\n\r\n+APP PDP: 0,ACTIVE\r\n");
        yield return Seed(4, "\r\n> \r\nOK\r\n+CADATAIND: 0\r\n");
        yield return Seed(5, "\r\n+CARECV: 5,hello\r\n\r\nOK\r\n");
        yield return Seed(6, "\r\n+CFSRFILE: 4\r\nab\r\n\r\nOK\r\n");
        yield return Seed(0, "\r\n+CME ERROR: 10\r\nDST: 1\r\n*PSUTTZ: 24/11/28,13:44:22\",\"+04\",0\r\n");
        yield return Seed(7, "\r\nERROR\r\n+CASTATE: 0,0\r\nRDY\r\n");
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        int splitSeed = input.Byte();
        int maxPiece = 1 + input.Below(24);
        var exchanges = new List<(int Kind, byte[] Answer)>();
        for (int i = 0; i < 3 && input.Remaining > 0; i++)
        {
            exchanges.Add((input.Below(Kinds), i == 2 ? input.Rest() : input.Bytes(600)));
        }

        string whole = Receive(exchanges, (feed, bytes) => feed(bytes, 0, bytes.Length));
        string split = Receive(exchanges, (feed, bytes) => Splits.Feed(bytes, splitSeed, maxPiece, feed));
        FuzzFindingException.Check(whole == split, "the receiver's result depends on the split:\n" + whole + "\n---\n" + split);
    }

    private const int Kinds = 8;

    private static byte[] Seed(byte kind, string answer)
        => [3, 6, kind, .. LengthPrefixed(answer)];

    private static byte[] LengthPrefixed(string answer)
    {
        byte[] bytes = Encoding.Latin1.GetBytes(answer);
        return bytes.Length < 256 ? [(byte)bytes.Length, .. bytes] : throw new ArgumentException("seed too long", nameof(answer));
    }

    private static AtCommand Command(int kind, byte[] rawBuffer)
    {
        switch (kind)
        {
            case 0: return new AtCommand("AT+CSQ").Expect("+CSQ: ", 1);
            case 1: return new AtCommand("AT+CCID").ExpectBare();
            case 2: return new AtCommand("AT+CAOPEN=0,0,\"TCP\",\"host\",443").ExpectResultAfterOk("+CAOPEN: ", 1);
            case 3: return new AtCommand("AT+CNACT=0,1").ExpectSuccessLine("+APP PDP: 0,ACTIVE");
            case 4: return new AtCommand("AT+CASEND=0,5").ExpectNoLines().WithPayload(AtPrompt.Angle, Encoding.ASCII.GetBytes("hello"), 0, 5);
            case 5: return new AtCommand("AT+CARECV=0,64").Expect("+CARECV: ", 0).WithRawRead(AtRawRead.Inline, rawBuffer, 0, 64);
            case 6: return new AtCommand("AT+CFSRFILE=3,\"f\",0,64,0").Expect("+CFSRFILE: ", 0).WithRawRead(AtRawRead.AfterLine, rawBuffer, 0, 64);
            default: return new AtCommand("AT");
        }
    }

    private static string Receive(List<(int Kind, byte[] Answer)> exchanges, Action<Action<byte[], int, int>, byte[]> feedAll)
    {
        var log = new StringBuilder();
        var receiver = new AtReceiver(64, 4);
        foreach (string prefix in Urcs)
        {
            receiver.Register(prefix, line => log.Append("U[").Append(line.ToString()).Append(']'));
        }

        var urcLine = new AtLine(64);
        foreach ((int kind, byte[] answer) in exchanges)
        {
            byte[] raw = new byte[64];
            AtCommand command = Command(kind, raw);
            receiver.Begin(command);
            feedAll((bytes, offset, count) => receiver.Feed(bytes, offset, count), answer);
            receiver.Abandon(command);
            AtResponse response = command.Response;
            log.Append('C').Append(kind).Append(' ').Append(response.Outcome).Append(' ').Append(response.ErrorCode).Append(' ').Append(response.ErrorText);
            for (int i = 0; i < response.LineCount; i++)
            {
                log.Append(" L[").Append(response.GetLine(i)).Append(']');
            }

            log.Append(" R").Append(response.RawCount).Append('[').Append(Encoding.Latin1.GetString(raw, 0, Math.Min(raw.Length, response.RawCount))).Append(']');
            for (UrcHandler handler = receiver.DequeueUrc(urcLine); handler != null; handler = receiver.DequeueUrc(urcLine))
            {
                handler(urcLine);
            }
        }

        return log.ToString();
    }
}
