using BenchmarkDotNet.Attributes;
using CellularIot.Bytes;

namespace CellularIot.Benchmarks;

/// <summary>Strict UTF-8 encoding into a reused buffer: the path topics and payloads take.</summary>
[MemoryDiagnoser]
public class Utf8Benchmarks
{
    private readonly byte[] buffer = new byte[256];
    private const string Topic = "8988228066612345678/telemetry";

    [Benchmark]
    public int EncodeTopicIntoBuffer() => Utf8.Encode(Topic, buffer, 0);

    [Benchmark]
    public int FormatLongIntoBuffer() => AsciiInt.Format(1_700_000_000L, buffer, 0);
}
