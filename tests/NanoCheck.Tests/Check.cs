using Microsoft.CodeAnalysis;

namespace CellularIot.NanoCheck.Tests;

/// <summary>Compiles small sources for nanoFramework and inspects them, as the firmware check does.</summary>
internal static class Check
{
    public static readonly NanoCompiler Compiler = new(NanoCompiler.DefaultMscorlibPath());

    public static IReadOnlyList<Violation> Source(string path, string text, params MetadataReference[] references)
        => MetadataInspector.Inspect(Compiler.Compile("Probe", [new SourceFile(path, text)], references), [FirmwareCheck.Mscorlib]);

    public static string Describe(IReadOnlyList<Violation> violations) => string.Join(Environment.NewLine, violations);
}
