using Xunit;

namespace CellularIot.NanoCheck.Tests;

/// <summary>This repository's firmware, unit tests and TestFramework surface pass the check.</summary>
public sealed class FirmwareTests
{
    private static string RepoRoot => Check.RepoRoot;

    [Fact]
    public void EveryDeviceAssemblyRunsOnNanoFramework()
    {
        var reports = new FirmwareCheck(RepoRoot, Check.Compiler).Run();

        var problems = reports.SelectMany(r => r.Violations.Select(v => $"{r.Name}: {v}")).ToList();
        Assert.True(problems.Count == 0, "The device cannot run this:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        Assert.Contains(reports, r => r.Name == FirmwareCheck.CoreAssembly && r.FileCount > 0);
        Assert.Contains(reports, r => r.Name == FirmwareCheck.FirmwareAssembly && r.FileCount > 0);
        var deviceTests = reports.Where(r => r.Name.EndsWith("(device tests)", StringComparison.Ordinal)).ToList();
        Assert.True(deviceTests.Count >= 5, "expected one device test project per firmware area");
        Assert.All(deviceTests, r => Assert.InRange(r.StringTableBytes ?? int.MaxValue, 1, StringTable.Budget));
        foreach (string firmware in new[] { FirmwareCheck.CoreAssembly, FirmwareCheck.FirmwareAssembly })
        {
            AssemblyReport report = reports.Single(r => r.Name == firmware);
            Assert.InRange(report.StringTableBytes ?? int.MaxValue, 1, StringTable.Budget);
            Assert.InRange(report.ByteCodeBytes ?? int.MaxValue, 1, ByteCode.Budget);
        }
    }

    [Fact]
    public void ProjectWildcardsFindTheLayerSources()
    {
        var files = ProjectSources.CompiledFiles(Path.Combine(RepoRoot, "firmware", "Core.nfproj"));
        var board = ProjectSources.CompiledFiles(Path.Combine(RepoRoot, "firmware", "Board", "Board.nfproj"));

        Assert.Contains(files, f => f.EndsWith(Path.Combine("Bytes", "Utf8.cs"), StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains($"{Path.DirectorySeparatorChar}Board{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Contains(board, f => f.EndsWith(Path.Combine("Board", "Program.cs"), StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    [Fact]
    public void BoardCodeThatMisusesAPackageFailsAgainstTheContracts()
    {
        string copy = CopyOfDeviceSources();
        try
        {
            string link = Path.Combine(copy, "firmware", "Board", "SerialPortLink.cs");
            File.WriteAllText(link, File.ReadAllText(link).Replace("port.ReadTimeout = timeoutMs;", "port.ReadTimout = timeoutMs;", StringComparison.Ordinal));

            var board = new FirmwareCheck(copy, Check.Compiler).Run().Single(r => r.Name.EndsWith("(application)", StringComparison.Ordinal));

            var violation = Assert.Single(board.Violations);
            Assert.Equal("firmware/Board/SerialPortLink.cs", violation.File);
            Assert.Contains("ReadTimout", violation.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void ADeviceTestFileNoProjectCompilesIsNamed()
    {
        string copy = CopyOfDeviceSources();
        try
        {
            File.WriteAllText(Path.Combine(copy, "tests", "UnitTests", "Stray.cs"), "namespace Demo { public class Stray { } }");

            var projects = new FirmwareCheck(copy, Check.Compiler).Run().Single(r => r.Name == "device test projects");

            var violation = Assert.Single(projects.Violations);
            Assert.Equal("tests/UnitTests/Stray.cs", violation.File);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    // The folders the check reads, copied so that a test can break one file without touching the repository.
    private static string CopyOfDeviceSources()
    {
        string copy = Path.Combine(Path.GetTempPath(), "nanocheck-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(RepoRoot, "nf.sln"), Path.Combine(copy, "nf.sln"));
        foreach (string folder in new[] { "firmware", "contracts", Path.Combine("tests", "TestFramework"), Path.Combine("tests", "UnitTests") })
        {
            string source = Path.Combine(RepoRoot, folder);
            foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(source, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    continue;
                }

                string target = Path.Combine(copy, folder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        return copy;
    }
}
