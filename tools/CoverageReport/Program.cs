using System.Globalization;
using CellularIot.CoverageReport;

// Usage: CoverageReport [--reports DIR] [--min-branch PERCENT] [--gaps N]
// Exit code: 0 when the merged branch coverage reaches the minimum, 1 below it, 2 when there is no report
// or the arguments are wrong.
const string Usage = """
    Merges the firmware coverage the test projects measured and prints it per firmware folder.
    Options:
      --reports DIR         where the test projects wrote their coverlet reports (default: TestResults/coverage)
      --min-branch PERCENT  the lowest merged branch coverage that passes (default: 0)
      --gaps N              how many files with open branches to list (default: 10)
    """;

string reports = Path.Combine("TestResults", "coverage");
double minBranch = 0;
int gaps = 10;
for (int i = 0; i < args.Length; i++)
{
    string? value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--reports" when value is not null:
            reports = value;
            i++;
            break;
        case "--min-branch" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out minBranch):
            i++;
            break;
        case "--gaps" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out gaps):
            i++;
            break;
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"unknown or incomplete option '{args[i]}'");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

var files = ReportFolder.NewestPerProject(reports);
if (files.Count == 0)
{
    Console.Error.WriteLine($"no coverage report in {Path.GetFullPath(reports)}: run the test command first");
    return 2;
}

var coverage = new FirmwareCoverage();
foreach (string file in files)
{
    CoverletReport.AddTo(coverage, File.ReadAllText(file));
}

Console.WriteLine($"firmware coverage, merged over {files.Count} test projects' reports:");
FolderTable.Write(Console.Out, coverage, gaps);
return Gate.Check(Console.Out, FolderTable.Total(coverage, s => s.Branches), minBranch) ? 0 : 1;
