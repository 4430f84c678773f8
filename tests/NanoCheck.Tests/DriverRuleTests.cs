using Xunit;

namespace CellularIot.NanoCheck.Tests;

/// <summary>The driver rule: a modem driver's types are named only inside it and by Board.</summary>
public sealed class DriverRuleTests
{
    private const string Driver = """
        namespace CellularIot.Modem
        {
            public interface IThing
            {
            }
        }

        namespace CellularIot.Modem.ThreeGpp
        {
            public static class Common
            {
                public static int Answer() { return 1; }
            }

            public abstract class CommonDriver : CellularIot.Modem.IThing
            {
            }
        }

        namespace CellularIot.Modem.Vendor
        {
            public sealed class VendorThing : CellularIot.Modem.IThing
            {
                public int Ask() { return CellularIot.Modem.ThreeGpp.Common.Answer(); }
            }

            public sealed class VendorDriver : CellularIot.Modem.ThreeGpp.CommonDriver
            {
            }
        }

        namespace CellularIot.Board
        {
            public static class Program
            {
                public static CellularIot.Modem.IThing Choose() { return new CellularIot.Modem.Vendor.VendorThing(); }
            }
        }

        """;

    [Fact]
    public void TheDriverItselfTheCommonLayerAndBoardMayNameADriver()
    {
        Assert.Empty(DriverRule.Inspect(Check.Compile("Driver.cs", Driver).Compilation));
    }

    [Fact]
    public void AppNamingADriverIsRefused()
    {
        var found = DriverRule.Inspect(Check.Compile("Driver.cs", Driver + """
            namespace CellularIot.App
            {
                public sealed class Device
                {
                    public object Modem = new CellularIot.Modem.Vendor.VendorThing();
                }
            }
            """).Compilation).ToList();

        var violation = Assert.Single(found);
        Assert.Equal("Driver.cs", violation.File);
        Assert.Contains("CellularIot.App uses VendorThing from Modem/Vendor", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGenericModemFolderAndCloudMayNotReachBelowIModem()
    {
        var found = DriverRule.Inspect(Check.Compile("Driver.cs", Driver + """
            namespace CellularIot.Modem
            {
                public static class Helper
                {
                    public static object Make() { return new CellularIot.Modem.Vendor.VendorThing(); }
                }
            }

            namespace CellularIot.Cloud.Session
            {
                public static class Session
                {
                    public static int Ask() { return CellularIot.Modem.ThreeGpp.Common.Answer(); }
                }
            }
            """).Compilation).ToList();

        Assert.Equal(2, found.Count);
        Assert.Contains(found, v => v.Message.Contains("CellularIot.Modem uses VendorThing from Modem/Vendor", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Message.Contains("CellularIot.Cloud.Session uses Common from Modem/ThreeGpp", StringComparison.Ordinal));
    }

    [Fact]
    public void ABaseTypeCountsAsAUseByTheDerivedTypesFolder()
    {
        // A driver may derive from the common layer (above); the generic folder may not derive from a driver's type.
        var found = DriverRule.Inspect(Check.Compile("Driver.cs", Driver + """
            namespace CellularIot.Modem
            {
                public sealed class Generic : CellularIot.Modem.ThreeGpp.CommonDriver
                {
                }
            }
            """).Compilation).ToList();

        var violation = Assert.Single(found);
        Assert.Contains("CellularIot.Modem uses CommonDriver from Modem/ThreeGpp", violation.Message, StringComparison.Ordinal);
    }
}
