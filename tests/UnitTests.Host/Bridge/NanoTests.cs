namespace CellularIot.Tests.Bridge
{
    using System.Collections.Generic;
    using System.Linq;
    using Xunit;

    /// <summary>The xunit face of the device tests: one test case per [TestMethod] and per [DataRow].</summary>
    public sealed class NanoTests
    {
        // The case's name is its display name; its argument is only its place in the catalog, which xunit
        // would otherwise show truncated.
        public static IEnumerable<TheoryDataRow<int>> Cases()
        {
            return NanoTestCatalog.All.Select((testCase, index) => new TheoryDataRow<int>(index) { TestDisplayName = testCase.Name });
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Device(int @case)
        {
            NanoTestRunner.Run(NanoTestCatalog.All[@case]);
        }
    }
}
