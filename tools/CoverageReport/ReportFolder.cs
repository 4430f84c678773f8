namespace CellularIot.CoverageReport;

/// <summary>
/// The folder the test projects write their reports to ("&lt;project&gt;.coverage.&lt;time&gt;.json"); of each
/// project only the newest report counts, so an older run's report of code since changed is never merged in.
/// </summary>
public static class ReportFolder
{
    private const string Marker = ".coverage.";

    public static IReadOnlyList<string> NewestPerProject(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*" + Marker + "*.json")
            .Select(path => new FileInfo(path))
            .GroupBy(file => file.Name[..file.Name.IndexOf(Marker, StringComparison.Ordinal)], StringComparer.Ordinal)
            .Select(project => project.MaxBy(file => (file.LastWriteTimeUtc, file.Name))!.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
