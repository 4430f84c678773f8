using Xunit;

namespace CellularIot.DeviceTestRun.Tests;

public sealed class StringTableSizesTests
{
    [Fact]
    public void TakesEachAssemblysOwnFigureAndNotTheTotal()
    {
        string[] output =
        [
            "Loading Assemblies.",
            "   Assembly: mscorlib (1.17.11.0)   (3496 RAM - 32536 ROM - 19802 METADATA)",
            "   AssemblyRef    =        0 bytes (       0 elements)",
            "   Strings         =     2769 bytes",
            "   Assembly: NFUnitTest (0.0.0.0)   (2112 RAM - 22176 ROM - 7907 METADATA)",
            "   Strings         =     7196 bytes",
            "Total: (12716 RAM - 201352 ROM - 65086 METADATA)",
            "   Strings         =    50348 bytes",
        ];

        var sizes = StringTableSizes.Read(output);

        Assert.Equal(2, sizes.Count);
        Assert.Equal(2769, sizes["mscorlib"]);
        Assert.Equal(7196, sizes["NFUnitTest"]);
    }
}
