using Xunit;

namespace CellularIot.CoverageReport.Tests;

public sealed class CoverageReportTests
{
    // Two test projects' reports of the same build: each reaches one side of the same if, and one reaches a line
    // the other does not. A file outside firmware/ is not the firmware's.
    private const string FirstProject = """
        {
          "CellularIot.Firmware.dll": {
            "/ci/firmware/At/AtCommand.cs": {
              "CellularIot.At.AtCommand": {
                "System.Void CellularIot.At.AtCommand::Run()": {
                  "Lines": { "10": 3, "11": 3, "12": 0 },
                  "Branches": [
                    { "Line": 11, "Offset": 4, "EndOffset": 6, "Path": 0, "Ordinal": 0, "Hits": 3 },
                    { "Line": 11, "Offset": 4, "EndOffset": 9, "Path": 1, "Ordinal": 1, "Hits": 0 }
                  ]
                }
              }
            },
            "/ci/host/Other.cs": {
              "Other": { "M": { "Lines": { "1": 0 }, "Branches": [] } }
            }
          }
        }
        """;

    private const string SecondProject = """
        {
          "CellularIot.Firmware.dll": {
            "/elsewhere/clone/firmware/At/AtCommand.cs": {
              "CellularIot.At.AtCommand": {
                "System.Void CellularIot.At.AtCommand::Run()": {
                  "Lines": { "10": 1, "11": 1, "12": 1 },
                  "Branches": [
                    { "Line": 11, "Offset": 4, "EndOffset": 6, "Path": 0, "Ordinal": 0, "Hits": 0 },
                    { "Line": 11, "Offset": 4, "EndOffset": 9, "Path": 1, "Ordinal": 1, "Hits": 1 }
                  ]
                }
              }
            },
            "/elsewhere/clone/firmware/Modem/Sim7080/Sim7080Modem.cs": {
              "CellularIot.Modem.Sim7080.Sim7080Modem": {
                "System.Void CellularIot.Modem.Sim7080.Sim7080Modem::Open()": {
                  "Lines": { "20": 1, "21": 0 },
                  "Branches": [
                    { "Line": 20, "Offset": 2, "EndOffset": 4, "Path": 0, "Ordinal": 0, "Hits": 1 },
                    { "Line": 20, "Offset": 2, "EndOffset": 8, "Path": 1, "Ordinal": 1, "Hits": 0 }
                  ]
                }
              }
            }
          }
        }
        """;

    [Fact]
    public void ABranchTakenInAnyProjectCountsOnceAsCoveredAndFilesOutsideTheFirmwareAreLeftOut()
    {
        var coverage = new FirmwareCoverage();
        CoverletReport.AddTo(coverage, FirstProject);
        CoverletReport.AddTo(coverage, SecondProject);

        Assert.Equal(["At/AtCommand.cs", "Modem/Sim7080/Sim7080Modem.cs"], coverage.Sources.Select(s => s.Path).Order(StringComparer.Ordinal));
        SourceCoverage command = coverage.Sources.Single(s => s.Path == "At/AtCommand.cs");
        Assert.Equal(new Tally(3, 3), command.Lines);
        Assert.Equal(new Tally(2, 2), command.Branches);
        Assert.Equal(new Tally(4, 5), FolderTable.Total(coverage, s => s.Lines));
        Assert.Equal(new Tally(3, 4), FolderTable.Total(coverage, s => s.Branches));
    }

    [Fact]
    public void TheTableHasALineForEachFolderInLayerOrderWithEachModemDriverOnItsOwnAndNamesTheOpenBranches()
    {
        var coverage = new FirmwareCoverage();
        CoverletReport.AddTo(coverage, SecondProject);
        var output = new StringWriter();

        FolderTable.Write(output, coverage, gapFiles: 5);

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["folder", "At", "Modem/Sim7080", "total", "files", "At/AtCommand.cs", "Modem/Sim7080/Sim7080Modem.cs"], lines.Select(l => l.Trim().Split(' ')[0]));
        Assert.Matches(@"^\s+At\s+100\.0%\s+3/3\s+50\.0%\s+1/2$", lines[1]);
        Assert.Matches(@"^\s+total\s+80\.0%\s+4/5\s+50\.0%\s+2/4$", lines[3]);
        Assert.EndsWith("1 open, lines 11", lines[5], StringComparison.Ordinal);
        Assert.EndsWith("1 open, lines 20", lines[6], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Support/Redact.cs", "Support")]
    [InlineData("Cloud/Session/CloudSession.cs", "Cloud")]
    [InlineData("Modem/ModemState.cs", "Modem")]
    [InlineData("Modem/Quectel/QuectelModem.cs", "Modem/Quectel")]
    public void AFileBelongsToItsTopFolderAndADriversToItsDriver(string path, string folder) => Assert.Equal(folder, FolderTable.FolderOf(path));

    [Fact]
    public void TheGateFailsBelowTheMinimumAndSaysSo()
    {
        var output = new StringWriter();

        Assert.True(Gate.Check(output, new Tally(95, 100), 95));
        Assert.False(Gate.Check(output, new Tally(949, 1000), 95));

        Assert.Contains("firmware branch coverage 94.9% (949 of 1000) is BELOW the minimum of 95.0%", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheNewestReportOfEachProjectIsRead()
    {
        string folder = Directory.CreateTempSubdirectory("coverage-").FullName;
        try
        {
            string Write(string name, int minutesAgo)
            {
                string path = Path.Combine(folder, name);
                File.WriteAllText(path, "{}");
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-minutesAgo));
                return path;
            }

            Write("At.Tests.coverage.041226052720389.json", 30);
            string newestAt = Write("At.Tests.coverage.041226055720389.json", 1);
            string session = Write("Session.Tests.coverage.041226052720389.json", 30);
            Write("notes.txt", 0);

            Assert.Equal([newestAt, session], ReportFolder.NewestPerProject(folder));
            Assert.Empty(ReportFolder.NewestPerProject(Path.Combine(folder, "missing")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
