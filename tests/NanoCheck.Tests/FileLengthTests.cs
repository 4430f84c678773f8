using Xunit;

namespace CellularIot.NanoCheck.Tests;

/// <summary>
/// No firmware source file grows past 500 lines: a file that long does several things, and each belongs in a file
/// named for it (issue 15 split the last ones).
/// </summary>
public sealed class FileLengthTests
{
    private const int MaxLines = 500;

    [Fact]
    public void NoFirmwareSourceIsLongerThan500Lines()
    {
        string firmware = Path.Combine(Check.RepoRoot, "firmware");
        var sources = Directory.EnumerateFiles(firmware, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(firmware, file))
            .ToList();
        var tooLong = sources
            .Select(file => (File: Path.GetRelativePath(Check.RepoRoot, file), Lines: File.ReadAllLines(file).Length))
            .Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();

        Assert.True(sources.Count > 100, "the firmware's sources were found");
        Assert.True(tooLong.Count == 0, "split these along their concerns:" + Environment.NewLine + string.Join(Environment.NewLine, tooLong));
    }

    private static bool IsBuildOutput(string root, string file)
    {
        var parts = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }
}
