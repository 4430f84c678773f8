using Xunit;

namespace CellularIot.DeviceTestRun.Tests;

/// <summary>
/// A small repository run on the real nanoCLR, where this machine has the tool cache (README, "Device tests on
/// nanoCLR"); without it the test is skipped. It proves the runner against the launcher's real output.
/// </summary>
public sealed class NanoClrRunTests
{
    [Fact]
    public void CountsWhatTheRealLauncherReportsAndWhatItNeverReached()
    {
        var cache = new ToolCache(ToolCache.DefaultDirectory());
        Assert.SkipWhen(cache.Missing().Count > 0, $"no nanoCLR tool cache at {cache.Directory}");
        using var repo = new TempRepository();
        repo.Write("lib/Lib.nfproj", FixtureProjects.Library("Fixture.Lib"));
        repo.Write("lib/Core/Calc.cs", "namespace Fixture.Lib { public static class Calc { public static int Twice(int n) { return 2 * n; } } }");
        // The Board layer needs a package only a board has: the run must leave it out, not fail on it.
        repo.Write("lib/Board/Edge.cs", "namespace Fixture.Lib { public class Edge { public System.IO.Ports.SerialPort Port; } }");
        repo.Write("tests/Shared/Expect.cs", "namespace Fixture { public static class Expect { public const int Four = 4; } }");
        string project = repo.Write("tests/A/A.nfproj", FixtureProjects.Tests(@"..\..\lib\Lib.nfproj"));
        repo.Write("tests/A/CalcTests.cs", """
            using nanoFramework.TestFramework;
            using Fixture.Lib;

            namespace Fixture
            {
                [TestClass]
                public class CalcTests
                {
                    [Setup] public void Prepare() { }
                    [TestMethod] public void Doubles() { Assert.AreEqual(Expect.Four, Calc.Twice(2)); }
                    [TestMethod] public void FailsWithItsMessage() { Assert.AreEqual(5, Calc.Twice(2), "twice two"); }
                    [TestMethod] public void SkipsItself() { Assert.SkipTest("not here"); }
                    [DataRow(1, 2)] [DataRow(3, 6)] public void DoublesEachRow(int n, int twice) { Assert.AreEqual(twice, Calc.Twice(n)); }
                }

                [TestClass]
                public class NoModemTests
                {
                    [Setup] public void Prepare() { Assert.SkipTest("no modem"); }
                    [TestMethod] public void NeverCalled() { }
                }

                // The runtime lists classes by name, so this one comes last: every class after it would go unreported too.
                [TestClass]
                public class RowOfBytesTests
                {
                    [DataRow(new byte[] { 1 })] public void TakesBytes(byte[] bytes) { }
                }
            }
            """);
        repo.Write("nf.sln", FixtureProjects.Solution(@"lib\Lib.nfproj", @"tests\A\A.nfproj"));

        var run = new DeviceTestRunner(repo.Root, cache, Path.Combine(repo.Root, "work"), TimeSpan.FromMinutes(2)).Run(project);

        Assert.Null(run.Problem);
        var tally = Assert.IsType<TestTally>(run.Tally);
        Assert.Equal(7, tally.Expected);
        Assert.Equal(3, tally.Passed);
        var failure = Assert.Single(tally.Failures);
        Assert.Equal("Fixture.CalcTests.FailsWithItsMessage", failure.Method);
        Assert.Contains("twice two", failure.Detail, StringComparison.Ordinal);
        Assert.Equal(2, tally.Skipped);
        // nanoFramework's launcher cannot pass a byte[] row: it stops without a word, which only the count shows.
        Assert.Equal(new UnreportedMethod("Fixture.RowOfBytesTests.TakesBytes", 1, 1), Assert.Single(tally.Unreported));
        Assert.False(run.Succeeded);
    }
}
