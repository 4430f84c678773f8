using System.Globalization;

namespace CellularIot.CoverageReport;

/// <summary>
/// The coverage per firmware folder in layer order, each modem driver (Modem/&lt;Driver&gt;) on its own row,
/// then the files with the most branches no test takes, where more tests pay off first.
/// </summary>
public static class FolderTable
{
    private static readonly string[] LayerOrder = ["Support", "Bytes", "Text", "Storage", "At", "Modem", "Net", "Cloud", "App"];

    /// <summary>"Modem/Sim7080" for a driver's file, else the top folder ("Cloud" for "Cloud/Mqtt/MqttClient.cs").</summary>
    public static string FolderOf(string path)
    {
        string[] parts = path.Split('/');
        if (parts.Length == 1)
        {
            return "(firmware)";
        }

        return parts[0] == "Modem" && parts.Length > 2 ? parts[0] + "/" + parts[1] : parts[0];
    }

    public static void Write(TextWriter output, FirmwareCoverage coverage, int gapFiles)
    {
        var rows = coverage.Sources
            .GroupBy(s => FolderOf(s.Path))
            .OrderBy(g => LayerIndex(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Folder: g.Key, Lines: Sum(g, s => s.Lines), Branches: Sum(g, s => s.Branches)))
            .ToList();

        output.WriteLine(Row("folder", "lines", "branches"));
        foreach (var (folder, lines, branches) in rows)
        {
            output.WriteLine(Row(folder, lines.ToString(), branches.ToString()));
        }

        output.WriteLine(Row("total", Sum(rows, r => r.Lines).ToString(), Sum(rows, r => r.Branches).ToString()));

        var gaps = coverage.Sources
            .Where(s => s.Branches.Covered < s.Branches.Total)
            .OrderByDescending(s => s.Branches.Total - s.Branches.Covered)
            .ThenBy(s => s.Path, StringComparer.Ordinal)
            .Take(gapFiles)
            .ToList();
        if (gaps.Count > 0)
        {
            output.WriteLine($"files with the most branches no test takes:");
            foreach (SourceCoverage source in gaps)
            {
                string lines = string.Join(',', source.LinesWithOpenBranches.Select(l => l.ToString(CultureInfo.InvariantCulture)));
                output.WriteLine($"  {source.Path,-48} {source.Branches.Total - source.Branches.Covered,4} open, lines {lines}");
            }
        }
    }

    public static Tally Total(FirmwareCoverage coverage, Func<SourceCoverage, Tally> measure) => Sum(coverage.Sources, measure);

    private static Tally Sum<T>(IEnumerable<T> items, Func<T, Tally> measure) => items.Aggregate(default(Tally), (sum, item) => sum + measure(item));

    private static int LayerIndex(string folder)
    {
        int index = Array.IndexOf(LayerOrder, folder.Split('/')[0]);
        return index < 0 ? LayerOrder.Length : index;
    }

    private static string Row(string folder, string lines, string branches) => $"  {folder,-16} {lines,-21} {branches}";
}
