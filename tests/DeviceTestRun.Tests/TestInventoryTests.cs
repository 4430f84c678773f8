using Xunit;

namespace CellularIot.DeviceTestRun.Tests;

public sealed class TestInventoryTests
{
    [Fact]
    public void CountsEachDataRowOrElseTheTestMethodAsTheLauncherRunsThem()
    {
        var inventory = Inventory.Of("""
            [TestClass]
            public class Cases
            {
                [TestMethod] public void Single() { }
                [DataRow(1)] [DataRow(2)] [DataRow(3)] public void Rows(int n) { }
                [TestMethod] [DataRow("a")] [DataRow("b")] public void RowsWin(string s) { }
                public void Helper() { }
            }
            """);

        Assert.Equal(1, inventory.Cases["Probe.Cases.Single"]);
        Assert.Equal(3, inventory.Cases["Probe.Cases.Rows"]);
        Assert.Equal(2, inventory.Cases["Probe.Cases.RowsWin"]);
        Assert.False(inventory.Cases.ContainsKey("Probe.Cases.Helper"));
        Assert.Equal(6, inventory.CaseCount);
    }

    [Fact]
    public void KeepsFixturesApartAndIgnoresClassesWithoutTestClass()
    {
        var inventory = Inventory.Of("""
            [TestClass]
            public class WithFixtures
            {
                [Setup] public void Prepare() { }
                [Cleanup] public void Tidy() { }
                [TestMethod] public void One() { }
            }

            public class NotATestClass
            {
                [TestMethod] public void Ignored() { }
            }
            """);

        Assert.Equal(["Probe.WithFixtures.One"], inventory.Cases.Keys);
        Assert.Equal(["Probe.WithFixtures.Prepare", "Probe.WithFixtures.Tidy"], inventory.Fixtures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NamesANestedClassAsTheRuntimeDoes()
    {
        var inventory = Inventory.Of("""
            public class Outer
            {
                [TestClass]
                public class Inner
                {
                    [TestMethod] public void One() { }
                }
            }
            """);

        Assert.Equal("Probe.Outer+Inner.One", Assert.Single(inventory.Cases.Keys));
    }
}
