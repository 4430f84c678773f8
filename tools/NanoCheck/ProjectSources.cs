using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CellularIot.NanoCheck;

/// <summary>
/// The C# files a .nfproj compiles, read from its Compile items (wildcards expanded as MSBuild does for
/// the forms used here: '*' within a folder and '**' across folders).
/// </summary>
public static class ProjectSources
{
    /// <summary>Full paths of the files <paramref name="projectPath"/> compiles.</summary>
    public static IReadOnlyList<string> CompiledFiles(string projectPath)
    {
        string projectDir = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        var project = XDocument.Load(projectPath);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var item in project.Descendants().Where(e => e.Name.LocalName == "Compile"))
        {
            var excluded = Expand(projectDir, (string?)item.Attribute("Exclude"));
            foreach (string file in Expand(projectDir, (string?)item.Attribute("Include")).Except(excluded))
            {
                files.Add(file);
            }

            files.ExceptWith(Expand(projectDir, (string?)item.Attribute("Remove")));
        }

        return files.ToList();
    }

    private static IEnumerable<string> Expand(string projectDir, string? patterns)
    {
        if (string.IsNullOrWhiteSpace(patterns))
        {
            return [];
        }

        return patterns.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(pattern => ExpandOne(projectDir, pattern.Replace('\\', '/')))
            .ToList();
    }

    private static IEnumerable<string> ExpandOne(string projectDir, string pattern)
    {
        int wildcard = pattern.IndexOfAny(['*', '?']);
        if (wildcard < 0)
        {
            string single = Path.GetFullPath(Path.Combine(projectDir, pattern));
            return File.Exists(single) ? [single] : [];
        }

        int fixedEnd = pattern.LastIndexOf('/', wildcard);
        string baseDir = Path.GetFullPath(Path.Combine(projectDir, fixedEnd < 0 ? "." : pattern[..fixedEnd]));
        if (!Directory.Exists(baseDir))
        {
            return [];
        }

        var regex = new Regex("^" + GlobToRegex(pattern[(fixedEnd + 1)..]) + "$");
        return Directory.EnumerateFiles(baseDir, "*", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(baseDir, file))
            .Where(file => regex.IsMatch(Path.GetRelativePath(baseDir, file).Replace('\\', '/')));
    }

    private static string GlobToRegex(string glob)
    {
        string escaped = Regex.Escape(glob);
        return escaped
            .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
            .Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal)
            .Replace(@"\?", "[^/]", StringComparison.Ordinal);
    }

    private static bool IsBuildOutput(string baseDir, string file)
    {
        var parts = Path.GetRelativePath(baseDir, file).Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }
}
