using System.Reflection;
using CellularIot.NanoCheck;

namespace CellularIot.DeviceTestRun.Tests;

/// <summary>Compiles test classes against this repository's TestFramework surface and reads their inventory.</summary>
internal static class Inventory
{
    private static readonly NanoCompiler Compiler = new(NanoCompiler.DefaultMscorlibPath());

    private static readonly Lazy<CompiledAssembly> Framework = new(() => Compiler.Compile(
        "nanoFramework.TestFramework",
        Directory.GetFiles(Path.Combine(RepoRoot, "tests", "TestFramework"), "*.cs").Select(SourceFile.Load),
        []));

    public static string RepoRoot => typeof(Inventory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>Compiles <paramref name="classes"/> (in namespace Probe, with the test framework imported) and reads them.</summary>
    public static TestInventory Of(string classes)
    {
        string source = "using nanoFramework.TestFramework;\nnamespace Probe\n{\n" + classes + "\n}\n";
        var compiled = Compiler.Compile("NFUnitTest", [new SourceFile("Probe.cs", source)], [Framework.Value.ToReference()]);
        if (!compiled.Succeeded)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, compiled.Errors));
        }

        return TestInventory.Read(compiled.Image);
    }
}
