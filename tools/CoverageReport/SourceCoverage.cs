namespace CellularIot.CoverageReport;

/// <summary>One firmware source file's lines and branches, each with the hits summed over all reports.</summary>
public sealed class SourceCoverage(string path)
{
    private readonly Dictionary<int, long> lines = [];
    private readonly Dictionary<string, (int Line, long Hits)> branches = new(StringComparer.Ordinal);

    /// <summary>The path below firmware/, with forward slashes.</summary>
    public string Path { get; } = path;

    public Tally Lines => new(lines.Values.Count(h => h > 0), lines.Count);

    public Tally Branches => new(branches.Values.Count(b => b.Hits > 0), branches.Count);

    /// <summary>The lines that hold a branch no test took, in order.</summary>
    public IEnumerable<int> LinesWithOpenBranches => branches.Values.Where(b => b.Hits == 0).Select(b => b.Line).Distinct().Order();

    public void AddLine(int line, long hits) => lines[line] = lines.GetValueOrDefault(line) + hits;

    public void AddBranch(string place, int line, long hits) => branches[place] = (line, branches.GetValueOrDefault(place).Hits + hits);
}
