using System.Text;
using BenchmarkDotNet.Attributes;
using CellularIot.At;

namespace CellularIot.Benchmarks;

/// <summary>
/// The AT receive path, one received unit per operation: a URC nobody handles, a handled URC (queued and
/// dispatched), an OK ending a command, and a 1 KB +CARECV block. The framer works in place, so none of these
/// should allocate.
/// </summary>
[MemoryDiagnoser]
public class AtBenchmarks
{
    private readonly byte[] unhandledUrc = "\r\n+CEREG: 5\r\n"u8.ToArray();
    private readonly byte[] handledUrc = "\r\n+CADATAIND: 0\r\n"u8.ToArray();
    private readonly byte[] ok = "\r\nOK\r\n"u8.ToArray();
    private readonly byte[] carecv = BuildCarecv(1024);
    private readonly byte[] received = new byte[1460];
    private readonly AtLine dispatched = new(256);
    private AtReceiver receiver = null!;
    private AtCommand plain = null!;
    private AtCommand read = null!;

    [GlobalSetup]
    public void Setup()
    {
        receiver = new AtReceiver(256, 8);
        receiver.Register("+CADATAIND: ", _ => { });
        plain = new AtCommand("AT");
        read = new AtCommand(32, 64, 2).Begin("AT+CARECV=0,1460").Expect("+CARECV: ", 0)
            .WithRawRead(AtRawRead.Inline, received, 0, received.Length);
    }

    [Benchmark]
    public int UnhandledUrc() => receiver.Feed(unhandledUrc, 0, unhandledUrc.Length);

    [Benchmark]
    public bool HandledUrcQueuedAndDequeued()
    {
        receiver.Feed(handledUrc, 0, handledUrc.Length);
        return receiver.DequeueUrc(dispatched) != null;
    }

    [Benchmark]
    public AtOutcome OkFinalResult()
    {
        receiver.Begin(plain);
        receiver.Feed(ok, 0, ok.Length);
        return plain.Response.Outcome;
    }

    [Benchmark]
    public int Carecv1KB()
    {
        receiver.Begin(read);
        receiver.Feed(carecv, 0, carecv.Length);
        return read.Response.RawCount;
    }

    private static byte[] BuildCarecv(int length)
    {
        var stream = new List<byte>(Encoding.ASCII.GetBytes("\r\n+CARECV: " + length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ","));
        for (int i = 0; i < length; i++)
        {
            stream.Add((byte)(i % 251));
        }

        stream.AddRange("\r\n\r\nOK\r\n"u8.ToArray());
        return [.. stream];
    }
}
