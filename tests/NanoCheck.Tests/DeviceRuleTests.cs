using Xunit;

namespace CellularIot.NanoCheck.Tests;

/// <summary>The rules for code that compiles but behaves differently on nanoFramework: each catches its pattern and passes clean code.</summary>
public sealed class DeviceRuleTests
{
    [Theory]
    [InlineData("string s = \"a\\0b\";")]
    [InlineData("string s = \"a\\u0000b\";")]
    [InlineData("char c = '\\0';")]
    [InlineData("int n = 1; string s = $\"a\\0{n}\";")]
    public void U0000InALiteralIsRefused(string statement)
    {
        var found = UnrepresentableLiteralRule.Inspect(Check.Compile("Nul.cs", Method(statement)).Compilation).ToList();

        var violation = Assert.Single(found);
        Assert.Equal("Nul.cs", violation.File);
        Assert.Equal(7, violation.Line);
        Assert.Equal("Probe.Run", violation.Member);
        Assert.Contains("U+0000", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string s = \"a\\uD83D\\uDE00\";")]
    [InlineData("string s = \"a\\uD800\";")]
    [InlineData("char c = '\\uDC00';")]
    public void ASurrogateInALiteralIsRefused(string statement)
    {
        var violation = Assert.Single(UnrepresentableLiteralRule.Inspect(Check.Compile("Surrogate.cs", Method(statement)).Compilation));

        Assert.Contains("surrogate", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroAsANumberIsFine()
    {
        var found = UnrepresentableLiteralRule.Inspect(Check.Compile("Nul.cs", Method("char c = (char)0; byte b = 0; string s = \"a\\\\0 \\u20AC\";")).Compilation);

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("string[] a = new string[3]; return a[0] == null;")]
    [InlineData("string[] a = new string[3]; a[0] = \"x\"; return a[1] == null;")]
    [InlineData("string[] a = new string[3]; for (int i = 0; i < a.Length; i++) { if (a[i] == null) { a[i] = \"x\"; } } return true;")]
    [InlineData("string[] a = new string[3]; for (int i = 1; i < a.Length; i++) { a[i] = \"x\"; } return true;")]
    [InlineData("string[] a = new string[3]; for (int i = 0; i < 2; i++) { a[i] = \"x\"; } return true;")]
    [InlineData("return Fill(new string[2]);")]
    public void AStringArrayThatMayBeReadBeforeItIsFilledIsRefused(string body)
    {
        var found = StringArrayRule.Inspect(Check.Compile("Slots.cs", Function(body)).Compilation).ToList();

        var violation = Assert.Single(found);
        Assert.Equal("Slots.cs", violation.File);
        Assert.Equal("Probe.Run", violation.Member);
        Assert.Contains("not null", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("string[] a = new string[] { \"x\", \"y\" }; return a[0] == null;")]
    [InlineData("string[] a = { \"x\" }; return a[0] == null;")]
    [InlineData("object[] a = new object[3]; return a[0] == null;")]
    [InlineData("string[][] a = new string[3][]; return a[0] == null;")]
    [InlineData("int n = 3; string[] a = new string[n]; for (int i = 0; i < n; i++) { a[i] = \"x\" + i; } return a[0] == null;")]
    [InlineData("string[] a = new string[3]; for (int i = 0; i < a.Length; i++) { if (i > 5) { return false; } a[i] = \"x\"; } return true;")]
    public void AStringArrayWithValuesOrFilledAtOnceIsFine(string body)
    {
        Assert.Empty(StringArrayRule.Inspect(Check.Compile("Slots.cs", Function(body)).Compilation));
    }

    [Fact]
    public void InstanceStateInATestClassIsRefused()
    {
        var found = TestClassRules.Inspect(Check.Compile("StateTests.cs", """
            namespace Demo
            {
                using nanoFramework.TestFramework;

                [TestClass]
                public class StateTests
                {
                    private int counter;

                    public string Name { get; set; }

                    [TestMethod]
                    public void Counts()
                    {
                        counter++;
                        Assert.AreEqual(1, counter);
                    }
                }
            }
            """).Compilation).ToList();

        Assert.Equal(2, found.Count);
        Assert.Contains(found, v => v.Member == "StateTests.counter" && v.Line == 8 && v.Message.Contains("no instance", StringComparison.Ordinal));
        Assert.Contains(found, v => v.Member == "StateTests.Name" && v.Line == 10);
    }

    [Fact]
    public void ATestMethodTheLauncherCannotSeeIsRefused()
    {
        var found = TestClassRules.Inspect(Check.Compile("HiddenTests.cs", """
            namespace Demo
            {
                using nanoFramework.TestFramework;

                [TestClass]
                public class HiddenTests
                {
                    [TestMethod]
                    internal void Hidden()
                    {
                    }
                }
            }
            """).Compilation).ToList();

        var violation = Assert.Single(found);
        Assert.Equal("HiddenTests.Hidden", violation.Member);
        Assert.Contains("public methods only", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("new byte[] { 1, 2 }", "byte[]")]
    [InlineData("System.DayOfWeek.Monday", "System.DayOfWeek")]
    [InlineData("typeof(string)", "System.Type")]
    [InlineData("null", "null")]
    public void ADataRowArgumentTheLauncherCannotReadIsRefused(string argument, string type)
    {
        var found = TestClassRules.Inspect(Check.Compile("RowTests.cs", Rows($"[DataRow(1, {argument})]", "int n, object value")).Compilation).ToList();

        var violation = Assert.Single(found);
        Assert.Equal("RowTests.Run", violation.Member);
        Assert.Contains($"passes a {type} argument", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StaticTestsWithNumberAndStringRowsAreFine()
    {
        var found = TestClassRules.Inspect(Check.Compile("RowTests.cs", Rows(
            "[DataRow(1, \"a\", true, 'c', 2L, 3.5, 4.5f, (byte)5, (ushort)6)]",
            "int a, string b, bool c, char d, long e, double f, float g, byte h, ushort i")).Compilation);

        Assert.Empty(found);
    }

    [Fact]
    public void TheStringTableCountsEachDistinctNameAndLiteralOnceWithItsTerminator()
    {
        var small = Check.Compile("Names.cs", """
            namespace Names
            {
                public class Holder
                {
                    public static string Run()
                    {
                        return "literal" + "literal";
                    }
                }
            }
            """);
        var strings = StringTable.Strings(small);

        Assert.Contains("Names", strings);
        Assert.Contains("Holder", strings);
        Assert.Contains("Run", strings);
        Assert.Contains("literalliteral", strings);
        Assert.Equal(strings.Sum(s => System.Text.Encoding.UTF8.GetByteCount(s) + 1), StringTable.Bytes(strings));
        Assert.Equal(2 + 1 + 1, StringTable.Bytes(["é", string.Empty])); // é is two bytes of UTF-8
    }

    [Fact]
    public void AnAssemblyOverTheStringTableBudgetIsRefused()
    {
        var big = Check.Compile("Big.cs", Method("string s = \"" + new string('x', StringTable.Budget) + "\";"));
        int bytes = StringTable.Bytes(StringTable.Strings(big));

        Assert.True(bytes > StringTable.Budget);
        var violation = Assert.Single(StringTable.Check("Big", bytes));
        Assert.Contains("over the budget of 52,000", violation.Message, StringComparison.Ordinal);
        Assert.Empty(StringTable.Check("Small", StringTable.Budget));
    }

    [Fact]
    public void ALowerLayerUsingAHigherOneIsRefused()
    {
        var found = LayerRule.Inspect(Check.Compile("Layers.cs", """
            namespace CellularIot.Cloud.Mqtt
            {
                public class MqttThing
                {
                }
            }

            namespace CellularIot.At
            {
                public class AtThing
                {
                    public object Make()
                    {
                        return new CellularIot.Cloud.Mqtt.MqttThing();
                    }
                }
            }
            """).Compilation).ToList();

        var violation = Assert.Single(found);
        Assert.Equal("Layers.cs", violation.File);
        Assert.Equal(14, violation.Line);
        Assert.Contains("At uses MqttThing from Cloud", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsesDownwardOrWithinTheFoundationAreFine()
    {
        var found = LayerRule.Inspect(Check.Compile("Layers.cs", """
            namespace CellularIot.Text
            {
                public class TextThing
                {
                    public CellularIot.Storage.StoreThing Store;
                }
            }

            namespace CellularIot.Storage
            {
                public class StoreThing
                {
                    public CellularIot.Text.TextThing Text;
                }
            }

            namespace CellularIot.App
            {
                using CellularIot.At;

                public class AppThing
                {
                    public AtLike Channel = new AtLike();
                }
            }

            namespace CellularIot.At
            {
                public class AtLike
                {
                }
            }

            namespace Elsewhere
            {
                public class Outside
                {
                    public CellularIot.App.AppThing App;
                }
            }
            """).Compilation);

        Assert.Empty(found);
    }

    private static string Method(string statement) => $$"""
        namespace Demo
        {
            public class Probe
            {
                public void Run()
                {
                    {{statement}}
                }
            }
        }
        """;

    private static string Function(string body) => $$"""
        namespace Demo
        {
            public class Probe
            {
                public bool Run()
                {
                    {{body}}
                }

                private static bool Fill(string[] slots)
                {
                    return slots.Length > 0;
                }
            }
        }
        """;

    private static string Rows(string row, string parameters) => $$"""
        namespace Demo
        {
            using nanoFramework.TestFramework;

            [TestClass]
            public class RowTests
            {
                [TestMethod]
                {{row}}
                public static void Run({{parameters}})
                {
                }
            }
        }
        """;
}
