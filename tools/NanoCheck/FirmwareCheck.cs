using Microsoft.CodeAnalysis;

namespace CellularIot.NanoCheck;

/// <summary>
/// Runs the check over this repository: the firmware's two libraries (Core.nfproj, Firmware.nfproj), the Board
/// application (Board/Board.nfproj) against the declaration-only contracts, the host's TestFramework surface,
/// and each device test project nf.sln lists. Each assembly may reference only what the device has, must
/// avoid what compiles but behaves differently on the device (see the rules), and must keep its string
/// table and byte code within <see cref="StringTable.Budget"/> and <see cref="ByteCode.Budget"/>.
/// </summary>
public sealed class FirmwareCheck
{
    /// <summary>The device's own core library.</summary>
    public const string Mscorlib = "mscorlib";

    /// <summary>The lower layers' assembly name, as in Core.nfproj.</summary>
    public const string CoreAssembly = "CellularIot.Core";

    /// <summary>The upper layers' assembly name, as in Firmware.nfproj.</summary>
    public const string FirmwareAssembly = "CellularIot.Firmware";

    /// <summary>The application's assembly name, as in Board/Board.nfproj.</summary>
    public const string BoardAssembly = "CellularIot.Board";

    /// <summary>The unit-test framework whose API the host surface mirrors.</summary>
    public const string TestFrameworkAssembly = "nanoFramework.TestFramework";

    private readonly string repoRoot;
    private readonly NanoCompiler compiler;

    /// <summary>Creates a check of the repository at <paramref name="repoRoot"/>.</summary>
    public FirmwareCheck(string repoRoot, NanoCompiler compiler)
    {
        this.repoRoot = Path.GetFullPath(repoRoot);
        this.compiler = compiler;
    }

    /// <summary>Compiles and inspects every device assembly; returns one report each.</summary>
    public IReadOnlyList<AssemblyReport> Run()
    {
        var reports = new List<AssemblyReport>();
        string coreProject = Path.Combine(repoRoot, "firmware", "Core.nfproj");
        string firmwareProject = Path.Combine(repoRoot, "firmware", "Firmware.nfproj");
        string boardProject = Path.Combine(repoRoot, "firmware", "Board", "Board.nfproj");
        var coreFiles = ProjectSources.CompiledFiles(coreProject);
        var firmwareFiles = ProjectSources.CompiledFiles(firmwareProject);
        var boardFiles = ProjectSources.CompiledFiles(boardProject);

        var core = compiler.Compile(CoreAssembly, Load(coreFiles), []);
        var coreViolations = MetadataInspector.Inspect(core, [Mscorlib])
            .Concat(core.Succeeded ? FirmwareRules(core) : [])
            .Concat(Uncompiled(firmwareProject, [.. coreFiles, .. firmwareFiles])).ToList();
        reports.Add(Measured(CoreAssembly, coreFiles.Count, coreViolations, core));

        var firmware = core.Succeeded ? compiler.Compile(FirmwareAssembly, Load(firmwareFiles), [core.ToReference()]) : null;
        var firmwareViolations = (DependencyFailure(core)
            ?? MetadataInspector.Inspect(firmware!, [Mscorlib, CoreAssembly]).Concat(firmware!.Succeeded ? FirmwareRules(firmware) : [])).ToList();
        reports.Add(Measured(FirmwareAssembly, firmwareFiles.Count, firmwareViolations, firmware));
        bool firmwareBuilt = firmware is { Succeeded: true };

        var contracts = CompileContracts(reports);
        var boardAllowed = contracts.Select(c => c.Name).Append(Mscorlib).Append(CoreAssembly).Append(FirmwareAssembly).ToList();
        var board = firmwareBuilt ? compiler.Compile(BoardAssembly, Load(boardFiles), contracts.Select(c => c.Reference).Prepend(firmware!.ToReference()).Prepend(core.ToReference())) : null;
        var boardViolations = (firmwareBuilt
            ? MetadataInspector.Inspect(board!, boardAllowed).Concat(board!.Succeeded ? FirmwareRules(board) : []).Concat(Uncompiled(boardProject, boardFiles))
            : DependencyFailure(firmware ?? core)!).ToList();
        reports.Add(Measured(BoardAssembly + " (application)", boardFiles.Count, boardViolations, board));

        var surfaceFiles = Directory.GetFiles(Path.Combine(repoRoot, "tests", "TestFramework"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var surface = compiler.Compile(TestFrameworkAssembly, Load(surfaceFiles), []);
        reports.Add(new AssemblyReport(TestFrameworkAssembly + " (host surface)", surfaceFiles.Count, MetadataInspector.Inspect(surface, [Mscorlib])));

        var testProjects = DeviceTestProjects.In(repoRoot);
        var testedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (string testProject in testProjects)
        {
            var testFiles = ProjectSources.CompiledFiles(testProject);
            testedFiles.UnionWith(testFiles);
            string name = Path.GetFileNameWithoutExtension(testProject);
            var tests = firmwareBuilt && DependencyFailure(surface) is null
                ? compiler.Compile(name, Load(testFiles), [core.ToReference(), firmware!.ToReference(), surface.ToReference()])
                : null;
            var testViolations = (DependencyFailure(firmware ?? core) ?? DependencyFailure(surface)
                ?? MetadataInspector.Inspect(tests!, [Mscorlib, CoreAssembly, FirmwareAssembly, TestFrameworkAssembly]))
                .Concat(tests is { Succeeded: true } ? TestClassRules.Inspect(tests.Compilation).Concat(SourceRules(tests)) : [])
                .Concat(Uncompiled(testProject, testFiles)).ToList();
            reports.Add(Measured(name + " (device tests)", testFiles.Count, testViolations, tests));
        }

        reports.Add(new AssemblyReport("device test projects", testProjects.Count, UntestedFiles(testedFiles, testProjects.Count).ToList()));
        return reports;
    }

    // One device assembly's report with its string table and byte code measured against their budgets.
    private static AssemblyReport Measured(string name, int fileCount, List<Violation> violations, CompiledAssembly? assembly)
    {
        if (assembly is not { Succeeded: true })
        {
            return new AssemblyReport(name, fileCount, violations);
        }

        int table = StringTable.Bytes(StringTable.Strings(assembly));
        int code = ByteCode.Bytes(assembly);
        violations.AddRange(StringTable.Check(name, table));
        violations.AddRange(ByteCode.Check(name, code));
        return new AssemblyReport(name, fileCount, violations, table, code);
    }

    // The rules read from the sources: what compiles but behaves differently on nanoFramework.
    private static IEnumerable<Violation> SourceRules(CompiledAssembly assembly)
        => UnrepresentableLiteralRule.Inspect(assembly.Compilation).Concat(StringArrayRule.Inspect(assembly.Compilation));

    // The firmware's own assemblies also keep their layers' dependencies pointing down, and modem drivers behind IModem.
    private static IEnumerable<Violation> FirmwareRules(CompiledAssembly assembly)
        => SourceRules(assembly).Concat(LayerRule.Inspect(assembly.Compilation)).Concat(DriverRule.Inspect(assembly.Compilation));

    // A device test file no test project compiles would never run on the device.
    private IEnumerable<Violation> UntestedFiles(HashSet<string> compiled, int projectCount)
    {
        if (projectCount == 0)
        {
            return [new Violation("nf.sln", 0, string.Empty, "lists no device test project (an .nfproj with the TestContainer capability)")];
        }

        string testsDir = Path.Combine(repoRoot, "tests", "UnitTests");
        return Directory.EnumerateFiles(testsDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !compiled.Contains(f))
            .Select(f => new Violation(Relative(f), 0, string.Empty, "no device test project in nf.sln compiles it"));
    }

    // An assembly whose dependency failed is not compiled: the dependency's own errors say what to fix.
    private static IReadOnlyList<Violation>? DependencyFailure(CompiledAssembly dependency)
        => dependency.Succeeded ? null : [new Violation(string.Empty, 0, string.Empty, $"not checked: it builds on {dependency.Compilation.AssemblyName}, which did not compile")];

    // A .cs file beside a project that the project does not compile would escape the check unseen.
    private IEnumerable<Violation> Uncompiled(string projectPath, IReadOnlyList<string> compiled)
    {
        string projectDir = Path.GetDirectoryName(projectPath)!;

        // A folder below with a project of its own (Board under firmware/) is that project's to compile.
        var nested = Directory.EnumerateFiles(projectDir, "*.nfproj", SearchOption.AllDirectories)
            .Select(p => Path.GetDirectoryName(p)! + Path.DirectorySeparatorChar)
            .Where(dir => dir != projectDir + Path.DirectorySeparatorChar)
            .ToList();
        return Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !nested.Any(dir => f.StartsWith(dir, StringComparison.Ordinal)))
            .Except(compiled)
            .Select(f => new Violation(Relative(f), 0, string.Empty, $"not compiled by {Path.GetFileName(projectPath)}; add it to a Compile item"));
    }

    private List<(string Name, MetadataReference Reference)> CompileContracts(List<AssemblyReport> reports)
    {
        var pending = Directory.GetDirectories(Path.Combine(repoRoot, "contracts")).Order(StringComparer.Ordinal).ToList();
        var compiled = new List<(string Name, MetadataReference Reference)>();
        // Contracts may build on each other (FileStream derives from Stream): compile until nothing more does.
        while (pending.Count > 0)
        {
            var progress = pending
                .Select(dir => (Dir: dir, Result: compiler.Compile(Path.GetFileName(dir), Load(Directory.GetFiles(dir, "*.cs")), compiled.Select(c => c.Reference))))
                .Where(attempt => attempt.Result.Succeeded)
                .ToList();
            if (progress.Count == 0)
            {
                foreach (string dir in pending)
                {
                    var failed = compiler.Compile(Path.GetFileName(dir), Load(Directory.GetFiles(dir, "*.cs")), compiled.Select(c => c.Reference));
                    reports.Add(new AssemblyReport(Path.GetFileName(dir) + " (contract)", Directory.GetFiles(dir, "*.cs").Length, failed.Errors));
                }

                break;
            }

            foreach (var (dir, result) in progress)
            {
                compiled.Add((Path.GetFileName(dir), result.ToReference()));
                pending.Remove(dir);
            }
        }

        return compiled;
    }

    private IEnumerable<SourceFile> Load(IEnumerable<string> files) => files.Select(f => new SourceFile(Relative(f), File.ReadAllText(f)));

    private string Relative(string file) => Path.GetRelativePath(repoRoot, file).Replace('\\', '/');
}
