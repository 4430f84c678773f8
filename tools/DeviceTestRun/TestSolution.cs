using System.Text.RegularExpressions;

namespace CellularIot.DeviceTestRun;

/// <summary>The device test projects of nf.sln: its .nfproj files that declare the TestContainer capability.</summary>
public static partial class TestSolution
{
    /// <summary>
    /// Full paths of the test projects listed in <paramref name="repoRoot"/>/nf.sln, in the solution's order; with
    /// <paramref name="namePrefixes"/>, only those whose file name starts with one of them (case-insensitive).
    /// </summary>
    public static IReadOnlyList<string> TestProjects(string repoRoot, IReadOnlyCollection<string>? namePrefixes = null)
    {
        string solution = Path.Combine(repoRoot, "nf.sln");
        return File.ReadLines(solution)
            .Select(line => ProjectLine().Match(line))
            .Where(match => match.Success)
            .Select(match => Path.GetFullPath(Path.Combine(repoRoot, match.Groups["path"].Value.Replace('\\', '/'))))
            .Where(path => path.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase) && File.Exists(path) && IsTestContainer(path))
            .Where(path => namePrefixes is null || namePrefixes.Count == 0
                || namePrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    // The capability that makes Visual Studio's nanoFramework test adapter run a project.
    private static bool IsTestContainer(string projectPath)
        => System.Xml.Linq.XDocument.Load(projectPath).Descendants()
            .Any(e => e.Name.LocalName == "ProjectCapability" && (string?)e.Attribute("Include") == "TestContainer");

    // Project("{type guid}") = "Name", "relative\path.nfproj", "{project guid}"
    [GeneratedRegex("""^Project\("\{[^}]*\}"\)\s*=\s*"[^"]*",\s*"(?<path>[^"]+)",""")]
    private static partial Regex ProjectLine();
}
