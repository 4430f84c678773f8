using Microsoft.CodeAnalysis;
using Xunit;

namespace CellularIot.NanoCheck.Tests;

/// <summary>Compiles small sources for nanoFramework and inspects them, as the firmware check does.</summary>
internal static class Check
{
    public static readonly NanoCompiler Compiler = new(NanoCompiler.DefaultMscorlibPath());

    public static IReadOnlyList<Violation> Source(string path, string text, params MetadataReference[] references)
        => MetadataInspector.Inspect(Compiler.Compile("Probe", [new SourceFile(path, text)], references), [FirmwareCheck.Mscorlib]);

    /// <summary>The repository this test build came from.</summary>
    public static string RepoRoot => typeof(Check).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>The host's TestFramework surface compiled for nanoFramework, for probes that are test classes.</summary>
    public static MetadataReference TestFramework => Surface.Value;

    private static readonly Lazy<MetadataReference> Surface = new(() => Compiler.Compile(
        FirmwareCheck.TestFrameworkAssembly,
        Directory.GetFiles(Path.Combine(RepoRoot, "tests", "TestFramework"), "*.cs").Select(f => new SourceFile(f, File.ReadAllText(f))),
        []).ToReference());

    /// <summary>Compiles one probe source for nanoFramework, with the TestFramework surface at hand.</summary>
    public static CompiledAssembly Compile(string path, string text)
    {
        var compiled = Compiler.Compile("Probe", [new SourceFile(path, text)], [TestFramework]);
        Assert.True(compiled.Succeeded, Describe(compiled.Errors));
        return compiled;
    }

    public static string Describe(IReadOnlyList<Violation> violations) => string.Join(Environment.NewLine, violations);
}
