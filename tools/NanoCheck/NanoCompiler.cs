using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace CellularIot.NanoCheck;

/// <summary>
/// Compiles sources the way the nanoFramework build does: no standard library, nanoFramework's mscorlib
/// as the only framework reference, the same language version as the .nfproj, and no unsafe code.
/// </summary>
public sealed class NanoCompiler
{
    /// <summary>The C# version every build of the firmware uses (the .nfproj sets the same).</summary>
    public const LanguageVersion Language = LanguageVersion.CSharp10;

    private readonly MetadataReference mscorlib;

    /// <summary>Creates a compiler that references the given nanoFramework mscorlib.dll.</summary>
    public NanoCompiler(string mscorlibPath)
    {
        if (!File.Exists(mscorlibPath))
        {
            throw new FileNotFoundException("nanoFramework mscorlib.dll not found; restore tools/NanoCheck first", mscorlibPath);
        }

        mscorlib = MetadataReference.CreateFromFile(mscorlibPath);
    }

    /// <summary>The mscorlib of nanoFramework.CoreLibrary 1.17.11, as restored for this tool.</summary>
    public static string DefaultMscorlibPath()
    {
        foreach (var attribute in typeof(NanoCompiler).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false))
        {
            var metadata = (System.Reflection.AssemblyMetadataAttribute)attribute;
            if (metadata.Key == "NanoMscorlib" && metadata.Value is not null)
            {
                return metadata.Value;
            }
        }

        throw new InvalidOperationException("NanoMscorlib metadata missing from the NanoCheck build");
    }

    /// <summary>Compiles <paramref name="sources"/> into a library named <paramref name="assemblyName"/>.</summary>
    public CompiledAssembly Compile(string assemblyName, IEnumerable<SourceFile> sources, IEnumerable<MetadataReference> references)
    {
        var parseOptions = new CSharpParseOptions(Language);
        var trees = sources
            .Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, source.Path, System.Text.Encoding.UTF8))
            .ToList();
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: false,
            nullableContextOptions: NullableContextOptions.Disable,
            optimizationLevel: OptimizationLevel.Debug,
            concurrentBuild: true);
        var compilation = CSharpCompilation.Create(assemblyName, trees, references.Prepend(mscorlib), options);

        using var image = new MemoryStream();
        using var pdb = new MemoryStream();
        EmitResult result = compilation.Emit(image, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        var errors = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(ToViolation)
            .ToImmutableArray();
        return result.Success
            ? new CompiledAssembly(compilation, image.ToArray(), pdb.ToArray(), errors)
            : new CompiledAssembly(compilation, [], [], errors);
    }

    private static Violation ToViolation(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        string file = span.IsValid ? span.Path : string.Empty;
        int line = span.IsValid ? span.StartLinePosition.Line + 1 : 0;
        string message = $"error {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"
            + " (does not compile against nanoFramework's mscorlib)";
        return new Violation(file, line, string.Empty, message);
    }
}
