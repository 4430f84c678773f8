using CellularIot.NanoCheck;
using Microsoft.CodeAnalysis;

namespace CellularIot.DeviceTestRun;

/// <summary>
/// Compiles device projects as tools/NanoCheck does (its compiler, the device's mscorlib as the only framework)
/// against the cached mscorlib and test framework, and converts the assemblies to .pe files. A project that
/// several test projects reference is built once.
/// </summary>
public sealed class DeviceBuild
{
    // The firmware's ESP32 edge: it needs nanoFramework packages only a board has, no device test runs it,
    // and tools/NanoCheck checks it on its own against contracts/. The device test run builds the rest.
    private const string BoardFolder = "Board";

    private const string Mscorlib = "mscorlib";
    private const string TestFramework = "nanoFramework.TestFramework";
    private const string UnitTestLauncher = "nanoFramework.UnitTestLauncher";

    private readonly string repoRoot;
    private readonly ToolCache cache;
    private readonly string workDir;
    private readonly NanoCompiler compiler;
    private readonly PeConverter converter;
    private readonly Dictionary<string, BuiltAssembly> libraries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeviceBuildException> failedLibraries = new(StringComparer.Ordinal);

    /// <summary>Creates a build that writes its .dll and .pe files under <paramref name="workDir"/>.</summary>
    public DeviceBuild(string repoRoot, ToolCache cache, string workDir)
    {
        this.repoRoot = repoRoot;
        this.cache = cache;
        this.workDir = workDir;
        compiler = new NanoCompiler(cache.MscorlibDll);
        converter = new PeConverter(cache);
    }

    /// <summary>The projects <paramref name="project"/> references, built, in load order (each after what it needs).</summary>
    public IReadOnlyList<BuiltAssembly> BuildDependencies(DeviceProject project)
    {
        var loadOrder = new List<BuiltAssembly>();
        foreach (string reference in project.ProjectReferences)
        {
            AddInLoadOrder(BuildLibrary(reference, []), loadOrder);
        }

        return loadOrder;
    }

    /// <summary>Compiles the test project <paramref name="project"/> against its built <paramref name="dependencies"/> and the cached test framework.</summary>
    public DeviceAssembly CompileTests(DeviceProject project, IReadOnlyList<BuiltAssembly> dependencies)
    {
        var hints = dependencies.ToDictionary(d => d.Name, d => d.Assembly.DllPath, StringComparer.Ordinal);
        var references = dependencies.Select(d => d.Assembly.ToReference()).ToList();
        foreach (string name in project.AssemblyReferences)
        {
            if (name == TestFramework)
            {
                hints[name] = cache.TestFrameworkDll;
                references.Add(MetadataReference.CreateFromFile(cache.TestFrameworkDll));
            }
            else if (name is not Mscorlib and not UnitTestLauncher)
            {
                throw new DeviceBuildException($"{project.FileName} references {name}, which the tool cache does not hold (it holds {Mscorlib} and {TestFramework})");
            }
        }

        return Compile(project, project.Sources, references, hints, Path.Combine(workDir, Path.GetFileNameWithoutExtension(project.ProjectPath)));
    }

    /// <summary>Converts <paramref name="assembly"/> to a .pe beside its .dll; returns the .pe's path.</summary>
    public string ConvertToPe(DeviceAssembly assembly)
    {
        var hints = new Dictionary<string, string>(assembly.References, StringComparer.Ordinal) { [Mscorlib] = cache.MscorlibDll };
        return converter.Convert(assembly.DllPath, hints, out string error) ?? throw new DeviceBuildException(error);
    }

    private static void AddInLoadOrder(List<BuiltAssembly> chain, List<BuiltAssembly> loadOrder)
    {
        foreach (var assembly in chain.Where(a => !loadOrder.Any(b => b.Name == a.Name)))
        {
            loadOrder.Add(assembly);
        }
    }

    // A referenced project and what it references, dependencies first. Its package references are not
    // used: the part built here runs on mscorlib alone, and a file that needs more fails to compile.
    private List<BuiltAssembly> BuildLibrary(string projectPath, HashSet<string> visiting)
    {
        if (!File.Exists(projectPath))
        {
            throw new DeviceBuildException($"referenced project {Relative(projectPath)} does not exist");
        }

        if (!visiting.Add(projectPath))
        {
            throw new DeviceBuildException($"{Relative(projectPath)} references itself through its project references");
        }

        var project = DeviceProject.Load(projectPath);
        var chain = new List<BuiltAssembly>();
        foreach (string reference in project.ProjectReferences)
        {
            AddInLoadOrder(BuildLibrary(reference, visiting), chain);
        }

        visiting.Remove(projectPath);
        chain.Add(BuildOnce(project, chain));
        return chain;
    }

    // A library that failed fails every test project that needs it with the same message, without a rebuild.
    private BuiltAssembly BuildOnce(DeviceProject project, List<BuiltAssembly> dependencies)
    {
        if (failedLibraries.TryGetValue(project.ProjectPath, out var failure))
        {
            throw failure;
        }

        if (libraries.TryGetValue(project.ProjectPath, out var built))
        {
            return built;
        }

        try
        {
            string board = Path.Combine(Path.GetDirectoryName(project.ProjectPath)!, BoardFolder) + Path.DirectorySeparatorChar;
            var sources = project.Sources.Where(f => !f.StartsWith(board, StringComparison.Ordinal)).ToList();
            var hints = dependencies.ToDictionary(d => d.Name, d => d.Assembly.DllPath, StringComparer.Ordinal);
            var compiled = Compile(project, sources, dependencies.Select(d => d.Assembly.ToReference()).ToList(), hints, Path.Combine(workDir, "lib"));
            built = new BuiltAssembly(compiled, ConvertToPe(compiled));
            libraries[project.ProjectPath] = built;
            return built;
        }
        catch (DeviceBuildException e)
        {
            failedLibraries[project.ProjectPath] = e;
            throw;
        }
    }

    private DeviceAssembly Compile(DeviceProject project, IReadOnlyList<string> sources, List<MetadataReference> references, Dictionary<string, string> hints, string outputDir)
    {
        var compiled = compiler.Compile(project.AssemblyName, sources.Select(f => new SourceFile(Relative(f), File.ReadAllText(f))), references);
        if (!compiled.Succeeded)
        {
            const int Shown = 20;
            string errors = string.Join(Environment.NewLine, compiled.Errors.Take(Shown).Select(e => "  " + e));
            string more = compiled.Errors.Count > Shown ? $"{Environment.NewLine}  ... and {compiled.Errors.Count - Shown} more" : string.Empty;
            throw new DeviceBuildException($"{project.FileName} does not compile against the device's mscorlib:{Environment.NewLine}{errors}{more}");
        }

        Directory.CreateDirectory(outputDir);
        string dllPath = Path.Combine(outputDir, project.AssemblyName + ".dll");
        File.WriteAllBytes(dllPath, compiled.Image);
        return new DeviceAssembly(project.AssemblyName, dllPath, compiled.Image, hints);
    }

    private string Relative(string file) => Path.GetRelativePath(repoRoot, file).Replace('\\', '/');
}
