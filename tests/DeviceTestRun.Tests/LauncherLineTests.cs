using Xunit;

namespace CellularIot.DeviceTestRun.Tests;

public sealed class LauncherLineTests
{
    [Fact]
    public void ReadsAPassWithItsMethodAndTicks()
    {
        var line = LauncherLine.Parse("Test passed,Ns.FooTests.Adds.0,33");

        Assert.NotNull(line);
        Assert.Equal(CaseOutcome.Passed, line.Outcome);
        Assert.Equal("Ns.FooTests.Adds", line.Method);
        Assert.Equal("Ns.FooTests.Adds.0", line.Key);
        Assert.Equal("33", line.Detail);
    }

    [Fact]
    public void KeepsCommasInAFailuresMessage()
    {
        var line = LauncherLine.Parse("Test failed,Ns.FooTests.Rows.12,Assert.AreEqual failed. Expected:<1,2>. Actual:<3>.");

        Assert.NotNull(line);
        Assert.Equal(CaseOutcome.Failed, line.Outcome);
        Assert.Equal("Ns.FooTests.Rows", line.Method);
        Assert.Equal("Assert.AreEqual failed. Expected:<1,2>. Actual:<3>.", line.Detail);
    }

    [Fact]
    public void ReadsASkipWithAnEmptyReason()
    {
        var line = LauncherLine.Parse("Test skipped,Ns.FooTests.Later.1,");

        Assert.NotNull(line);
        Assert.Equal(CaseOutcome.Skipped, line.Outcome);
        Assert.Equal(string.Empty, line.Detail);
    }

    [Theory]
    [InlineData("Ready.")]
    [InlineData("Done.")]
    [InlineData("  Test passed,Ns.FooTests.Adds.0,33")]
    [InlineData("Test passed,Ns.FooTests.Adds,33")]
    [InlineData("Test passed,Adds.x,33")]
    [InlineData("Test crashed,Ns.FooTests.Adds.0,33")]
    public void IgnoresLinesThatAreNoResult(string text)
    {
        Assert.Null(LauncherLine.Parse(text));
    }
}
