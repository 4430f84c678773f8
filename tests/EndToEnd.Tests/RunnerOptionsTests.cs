using CellularIot.Runner;
using Xunit;

namespace CellularIot.EndToEnd.Tests;

/// <summary>The runner's --trace-at: printed exchanges without a file, a byte-exact transcript with one (also of a real modem).</summary>
public sealed class RunnerOptionsTests
{
    [Fact]
    public void TraceAtWithoutAFilePrintsTheExchanges()
    {
        RunnerOptions options = RunnerOptions.Parse(["--trace-at", "--messages", "1"]);

        Assert.True(options.TraceAt);
        Assert.Null(options.TraceFile);
    }

    [Fact]
    public void TraceAtWithAFileWritesATranscriptAlsoOfARealModem()
    {
        RunnerOptions simulated = RunnerOptions.Parse(["--trace-at", "sim.at"]);
        RunnerOptions real = RunnerOptions.Parse(["--port", "/dev/ttyUSB0", "--trace-at", "field.at"]);

        Assert.Equal("sim.at", simulated.TraceFile);
        Assert.False(simulated.TraceAt);
        Assert.Equal("field.at", real.TraceFile);
    }

    [Fact]
    public void PrintedExchangesAreForTheSimulatedModemOnly()
    {
        FormatException refused = Assert.Throws<FormatException>(() => RunnerOptions.Parse(["--port", "/dev/ttyUSB0", "--trace-at"]));

        Assert.Contains("--trace-at without a file", refused.Message, StringComparison.Ordinal);
    }
}
