using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CellularIot.NanoCheck;

/// <summary>
/// The device test projects: the .nfproj files nf.sln lists that declare the TestContainer capability (the
/// nanoFramework test adapter's mark of a test project).
/// </summary>
public static partial class DeviceTestProjects
{
    /// <summary>Full paths of the device test projects of the solution at <paramref name="repoRoot"/>, in solution order.</summary>
    public static IReadOnlyList<string> In(string repoRoot)
    {
        string solution = File.ReadAllText(Path.Combine(repoRoot, "nf.sln"));
        return ProjectLine().Matches(solution)
            .Select(m => Path.GetFullPath(Path.Combine(repoRoot, m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar))))
            .Where(path => File.Exists(path) && IsTestContainer(path))
            .ToList();
    }

    private static bool IsTestContainer(string project)
        => XDocument.Load(project).Descendants().Any(e => e.Name.LocalName == "ProjectCapability" && (string?)e.Attribute("Include") == "TestContainer");

    [GeneratedRegex("^Project\\(\"[^\"]*\"\\) = \"[^\"]*\", \"(?<path>[^\"]+\\.nfproj)\"", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
