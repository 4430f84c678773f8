using Xunit;

namespace CellularIot.DeviceTestRun.Tests;

public sealed class TestTallyTests
{
    [Fact]
    public void CountsEachOutcomeAndWhatNeverCame()
    {
        var inventory = Inventory.Of("""
            [TestClass]
            public class A
            {
                [TestMethod] public void One() { }
                [TestMethod] public void Two() { }
                [DataRow(1)] [DataRow(2)] [DataRow(3)] public void Rows(int n) { }
            }
            """);

        var tally = TestTally.Count(inventory, Lines(
            "Test passed,Probe.A.One.0,10",
            "Test failed,Probe.A.Two.0,boom",
            "Test passed,Probe.A.Rows.0,1",
            "Test skipped,Probe.A.Rows.1,later"));

        Assert.Equal(5, tally.Expected);
        Assert.Equal(2, tally.Passed);
        Assert.Equal(1, tally.Failed);
        Assert.Equal(1, tally.Skipped);
        Assert.Equal(1, tally.NeverReported);
        Assert.Equal("Probe.A.Two.0", Assert.Single(tally.Failures).Key);
        Assert.Equal(new UnreportedMethod("Probe.A.Rows", 1, 3), Assert.Single(tally.Unreported));
        Assert.False(tally.Succeeded);
    }

    [Fact]
    public void ASkippedSetupSkipsItsWholeClassButNoOther()
    {
        var inventory = Inventory.Of("""
            [TestClass]
            public class Skipped
            {
                [Setup] public void Prepare() { }
                [TestMethod] public void One() { }
                [DataRow(1)] [DataRow(2)] public void Rows(int n) { }
            }

            [TestClass]
            public class Other
            {
                [TestMethod] public void One() { }
            }
            """);

        var tally = TestTally.Count(inventory, Lines("Test skipped,Probe.Skipped.Prepare.0,no modem"));

        Assert.Equal(3, tally.Skipped);
        Assert.Equal(new UnreportedMethod("Probe.Other.One", 1, 1), Assert.Single(tally.Unreported));
    }

    [Fact]
    public void AFailingFixtureOrAStrayResultFailsTheRunThoughEveryCasePassed()
    {
        var inventory = Inventory.Of("""
            [TestClass]
            public class A
            {
                [Cleanup] public void Tidy() { }
                [TestMethod] public void One() { }
            }
            """);

        var fixture = TestTally.Count(inventory, Lines("Test passed,Probe.A.One.0,1", "Test failed,Probe.A.Tidy.0,left over"));
        var stray = TestTally.Count(inventory, Lines("Test passed,Probe.A.One.0,1", "Test passed,Probe.B.Unknown.0,1"));
        var clean = TestTally.Count(inventory, Lines("Test passed,Probe.A.One.0,1", "Test passed,Probe.A.Tidy.0,1"));

        Assert.Equal(1, fixture.Passed);
        Assert.Equal("Probe.A.Tidy.0", Assert.Single(fixture.FixtureFailures).Key);
        Assert.False(fixture.Succeeded);
        Assert.Equal("Probe.B.Unknown.0", Assert.Single(stray.Strays).Key);
        Assert.False(stray.Succeeded);
        Assert.True(clean.Succeeded);
    }

    private static IEnumerable<LauncherLine> Lines(params string[] lines) => lines.Select(l => LauncherLine.Parse(l)!);
}
