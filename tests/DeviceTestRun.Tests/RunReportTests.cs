using Xunit;

namespace CellularIot.DeviceTestRun.Tests;

public sealed class RunReportTests
{
    // .ci/run reads this line: the words, their order and the four numbers must stay as they are.
    [Fact]
    public void TheSummaryLineAddsUpAllProjectsAndCountsAProjectThatDidNotCompileAsAFailure()
    {
        var inventory = Inventory.Of("""
            [TestClass]
            public class A
            {
                [TestMethod] public void One() { }
                [TestMethod] public void Two() { }
                [DataRow(1)] [DataRow(2)] public void Rows(int n) { }
            }
            """);
        string[] lines = ["Test passed,Probe.A.One.0,1", "Test failed,Probe.A.Two.0,no", "Test skipped,Probe.A.Rows.0,later"];
        var ran = TestTally.Count(inventory, lines.Select(l => LauncherLine.Parse(l)!));
        var output = new StringWriter();

        RunReport.WriteSummary(output, [new ProjectRun("a.nfproj", ran, null, null, null), new ProjectRun("b.nfproj", null, "does not compile", null, null)]);

        Assert.Equal($"device tests on nanoCLR: 1 passed, 2 failed, 1 skipped, 1 never reported (4 cases in 2 projects){Environment.NewLine}", output.ToString());
    }
}
