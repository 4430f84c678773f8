namespace CellularIot.DeviceTestRun;

/// <summary>
/// Turns a compiled assembly into the .pe the nanoFramework runtime loads, with the cached MetadataProcessor
/// (<c>-loadHints name dll</c> for each reference, then <c>-parse dll -compile pe false</c>).
/// </summary>
public sealed class PeConverter
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly ToolCache cache;

    /// <summary>Creates a converter that runs the cache's MetadataProcessor.</summary>
    public PeConverter(ToolCache cache)
    {
        this.cache = cache;
    }

    /// <summary>
    /// Converts <paramref name="dllPath"/> into a .pe beside it; <paramref name="references"/> maps each
    /// referenced assembly's name to its .dll. Returns the .pe's path, or null with the tool's words in
    /// <paramref name="error"/>.
    /// </summary>
    public string? Convert(string dllPath, IReadOnlyDictionary<string, string> references, out string error)
    {
        string pePath = Path.ChangeExtension(dllPath, ".pe");
        File.Delete(pePath);
        var arguments = new List<string> { cache.MetadataProcessor };
        foreach (var (name, path) in references)
        {
            arguments.AddRange(["-loadHints", name, path]);
        }

        arguments.AddRange(["-parse", dllPath, "-compile", pePath, "false"]);
        var result = ToolProcess.Run(DotnetHost(), arguments, Timeout);
        // The tool reports some failures (one is a string table over 65,535 bytes) only on its output and
        // still exits 0 without writing the .pe.
        if (result.ExitCode == 0 && File.Exists(pePath))
        {
            error = string.Empty;
            return pePath;
        }

        string ending = result.TimedOut ? $"timed out after {Timeout.TotalSeconds:0} s" : $"exit code {result.ExitCode}";
        error = $"MetadataProcessor did not convert {Path.GetFileName(dllPath)} ({ending}):{Environment.NewLine}{string.Join(Environment.NewLine, Findings(result.Lines))}";
        return null;
    }

    // What the tool said after its banner, without stack frames: the reason, e.g. "String table overflow".
    private static IEnumerable<string> Findings(IReadOnlyList<string> lines)
    {
        int bannerEnd = lines.ToList().FindLastIndex(l => l.StartsWith("For documentation", StringComparison.Ordinal));
        return lines.Skip(bannerEnd + 1)
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("at ", StringComparison.Ordinal))
            .Take(15);
    }

    // The dotnet that runs this tool (set by the SDK), else the one on PATH.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
