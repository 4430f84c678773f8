using System.Reflection;
using Xunit;

namespace CellularIot.NanoCheck.Tests;

/// <summary>This repository's firmware, unit tests and TestFramework surface pass the check.</summary>
public sealed class FirmwareTests
{
    private static string RepoRoot => typeof(FirmwareTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    [Fact]
    public void EveryDeviceAssemblyRunsOnNanoFramework()
    {
        var reports = new FirmwareCheck(RepoRoot, Check.Compiler).Run();

        var problems = reports.SelectMany(r => r.Violations.Select(v => $"{r.Name}: {v}")).ToList();
        Assert.True(problems.Count == 0, "The device cannot run this:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        Assert.Contains(reports, r => r.Name.StartsWith(FirmwareCheck.FirmwareAssembly + " (core)", StringComparison.Ordinal) && r.FileCount > 0);
        Assert.Contains(reports, r => r.Name.StartsWith("CellularIot.UnitTests", StringComparison.Ordinal) && r.FileCount > 0);
    }

    [Fact]
    public void ProjectWildcardsFindTheLayerSources()
    {
        var files = ProjectSources.CompiledFiles(Path.Combine(RepoRoot, "firmware", "Firmware.nfproj"));

        Assert.Contains(files, f => f.EndsWith(Path.Combine("Bytes", "Utf8.cs"), StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(Path.Combine("Board", "Program.cs"), StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }
}
