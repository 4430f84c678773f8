using Xunit;

namespace CellularIot.DeviceTestRun.Tests;

public sealed class ToolProcessTests
{
    [Fact]
    public void CollectsOutputAndErrorWithTheExitCode()
    {
        var result = ToolProcess.Run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], TimeSpan.FromSeconds(30));

        Assert.Equal(3, result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.Equal(["err", "out"], result.Lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StopsARunThatOutlivesItsTimeoutAndKeepsWhatItPrinted()
    {
        var result = ToolProcess.Run("/bin/sh", ["-c", "echo started; sleep 60"], TimeSpan.FromSeconds(1));

        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        Assert.Equal(["started"], result.Lines);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(30), $"took {result.Elapsed}");
    }
}
