namespace CellularIot.DeviceTestRun;

/// <summary>
/// nanoCLR's POSIX host: loads the .pe files in the order given (mscorlib first) and runs the entry point,
/// here nanoFramework's UnitTestLauncher. Its exit status says nothing about the tests: their results are
/// only in the lines the launcher prints.
/// </summary>
public sealed class NanoClrHost
{
    private readonly ToolCache cache;

    /// <summary>Creates a host that runs the cache's nanoCLR.</summary>
    public NanoClrHost(ToolCache cache)
    {
        this.cache = cache;
    }

    /// <summary>Runs the launcher over <paramref name="assemblies"/> (the .pe files after the test framework), for at most <paramref name="timeout"/>.</summary>
    public ToolResult RunTests(IEnumerable<string> assemblies, TimeSpan timeout)
    {
        var peFiles = new List<string> { cache.MscorlibPe, cache.LauncherPe, cache.TestFrameworkPe };
        peFiles.AddRange(assemblies);
        string nanoClrDir = Path.GetDirectoryName(cache.NanoClr)!;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // The host loads its runtime library from beside it.
            ["LD_LIBRARY_PATH"] = nanoClrDir + (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") is { Length: > 0 } inherited ? ":" + inherited : string.Empty),
        };
        // Through a pipe the host's output is block-buffered: a run that crashes or is killed at its time-out
        // would lose its last results. stdbuf makes it line-buffered where coreutils has it.
        string? stdbuf = FindOnPath("stdbuf");
        return stdbuf is null
            ? ToolProcess.Run(cache.NanoClr, peFiles, timeout, environment)
            : ToolProcess.Run(stdbuf, new[] { "-oL", "-eL", cache.NanoClr }.Concat(peFiles), timeout, environment);
    }

    private static string? FindOnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
