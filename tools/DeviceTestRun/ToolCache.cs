namespace CellularIot.DeviceTestRun;

/// <summary>
/// The nanoFramework tools a device test run needs, in one folder outside the repository. They are built from
/// nanoFramework's public sources per those projects' own documentation; this tool only uses them. Layout:
/// <c>nanoclr/nanoFramework.nanoCLR.test</c> (nf-interpreter's POSIX host, its shared library beside it),
/// <c>metadata-processor/nanoFramework.Tools.MetadataProcessor.dll</c> (run with dotnet),
/// <c>mscorlib/mscorlib.dll</c> and <c>.pe</c> (nanoFramework.CoreLibrary 1.17.11),
/// <c>testframework/nanoFramework.TestFramework.dll</c> and <c>.pe</c>, and
/// <c>testframework/nanoFramework.UnitTestLauncher.pe</c> (nanoFramework.TestFramework 3.0.77).
/// </summary>
public sealed class ToolCache
{
    /// <summary>The environment variable that names the cache when no option does.</summary>
    public const string EnvironmentVariable = "NANOCLR_TOOLS";

    /// <summary>Creates the view of a cache folder; nothing is checked until <see cref="Missing"/>.</summary>
    public ToolCache(string directory)
    {
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>nanoCLR's POSIX test host: loads the .pe files it is given and runs the entry point.</summary>
    public string NanoClr => Path.Combine(Directory, "nanoclr", "nanoFramework.nanoCLR.test");

    /// <summary>The MetadataProcessor that turns a compiled assembly into a .pe.</summary>
    public string MetadataProcessor => Path.Combine(Directory, "metadata-processor", "nanoFramework.Tools.MetadataProcessor.dll");

    /// <summary>The reference assembly of the device's core library.</summary>
    public string MscorlibDll => Path.Combine(Directory, "mscorlib", "mscorlib.dll");

    /// <summary>The device's core library as the runtime loads it.</summary>
    public string MscorlibPe => Path.Combine(Directory, "mscorlib", "mscorlib.pe");

    /// <summary>The test framework the test projects compile against.</summary>
    public string TestFrameworkDll => Path.Combine(Directory, "testframework", "nanoFramework.TestFramework.dll");

    /// <summary>The test framework as the runtime loads it.</summary>
    public string TestFrameworkPe => Path.Combine(Directory, "testframework", "nanoFramework.TestFramework.pe");

    /// <summary>nanoFramework's test launcher: the entry point that runs the tests of NFUnitTest.</summary>
    public string LauncherPe => Path.Combine(Directory, "testframework", "nanoFramework.UnitTestLauncher.pe");

    /// <summary>The cache named by <see cref="EnvironmentVariable"/>, else ~/.cache/nanoclr-tools.</summary>
    public static string DefaultDirectory()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrEmpty(fromEnvironment)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "nanoclr-tools")
            : fromEnvironment;
    }

    /// <summary>The files of the layout that are not there; empty when the cache is complete.</summary>
    public IReadOnlyList<string> Missing()
        => new[] { NanoClr, MetadataProcessor, MscorlibDll, MscorlibPe, TestFrameworkDll, TestFrameworkPe, LauncherPe }
            .Where(file => !File.Exists(file))
            .ToList();
}
