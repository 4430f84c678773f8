namespace CellularIot.CoverageReport;

/// <summary>
/// The firmware's coverage merged over every report: a line or branch counts as covered when any test project
/// reached it. Places are keyed by the source path below firmware/, so reports from different clones or build
/// folders merge too.
/// </summary>
public sealed class FirmwareCoverage
{
    private readonly Dictionary<string, SourceCoverage> sources = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SourceCoverage> Sources => sources.Values;

    /// <summary>The path below firmware/ ("Cloud/Session/CloudSession.cs"), or null for a file outside it.</summary>
    public static string? FirmwarePath(string path)
    {
        string normal = path.Replace('\\', '/');
        int at = normal.LastIndexOf("/firmware/", StringComparison.Ordinal);
        return at < 0 ? null : normal[(at + "/firmware/".Length)..];
    }

    public void AddLine(string source, int line, long hits) => Source(source).AddLine(line, hits);

    public void AddBranch(string source, string place, int line, long hits) => Source(source).AddBranch(place, line, hits);

    private SourceCoverage Source(string path)
    {
        if (!sources.TryGetValue(path, out SourceCoverage? source))
        {
            source = new SourceCoverage(path);
            sources.Add(path, source);
        }

        return source;
    }
}
