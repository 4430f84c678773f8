using System.Globalization;
using CellularIot.DeviceTestRun;
using CellularIot.NanoCheck;

// Usage: DeviceTestRun [--tools DIR] [--repo DIR] [--only NAME] [--timeout SECONDS] [--work DIR]
// Exit code: 0 when every case of every device test project passed (or was skipped), 1 when any failed or
// was never reported, 2 when the tool cache is missing or the arguments are wrong.
const string Usage = """
    Runs the device test projects of nf.sln on nanoCLR (nanoFramework's runtime, POSIX host).
    Options:
      --tools DIR        the tool cache (default: $NANOCLR_TOOLS, else ~/.cache/nanoclr-tools)
      --repo DIR         the repository (default: the one around the current folder)
      --only NAME        run only the projects whose file name starts with NAME (e.g. Modem); may repeat
      --timeout SECONDS  the longest one project's nanoCLR run may take (default: 600)
      --work DIR         where .dll, .pe and logs go (default: a new temporary folder)
    """;

string? tools = null;
string? repo = null;
string? work = null;
var only = new List<string>();
double timeoutSeconds = 600;
for (int i = 0; i < args.Length; i++)
{
    string? value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--tools" when value is not null:
            tools = value;
            i++;
            break;
        case "--repo" when value is not null:
            repo = value;
            i++;
            break;
        case "--only" when value is not null:
            only.Add(value);
            i++;
            break;
        case "--work" when value is not null:
            work = value;
            i++;
            break;
        case "--timeout" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out timeoutSeconds) && timeoutSeconds > 0:
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

var cache = new ToolCache(tools ?? ToolCache.DefaultDirectory());
var missing = cache.Missing();
if (missing.Count > 0)
{
    Console.Error.WriteLine($"no usable nanoCLR tool cache at {cache.Directory}: missing");
    foreach (string file in missing)
    {
        Console.Error.WriteLine("  " + file);
    }

    Console.Error.WriteLine($"Name the cache with --tools DIR or ${ToolCache.EnvironmentVariable}; README.md, \"Device tests on nanoCLR\", says what it holds.");
    return 2;
}

string repoRoot = Path.GetFullPath(repo ?? RepositoryRoot.Find(Directory.GetCurrentDirectory()));
var projects = TestSolution.TestProjects(repoRoot, only);
if (projects.Count == 0)
{
    Console.Error.WriteLine($"{repoRoot}/nf.sln lists no .nfproj with the TestContainer capability" + (only.Count > 0 ? " whose name starts with " + string.Join(" or ", only) : string.Empty));
    return 1;
}

string workDir = work is null ? Directory.CreateTempSubdirectory("devicetestrun-").FullName : Directory.CreateDirectory(work).FullName;
Console.WriteLine($"device tests of {repoRoot} on nanoCLR from {cache.Directory} ({RunReport.Projects(projects.Count)}; work folder {workDir})");
var runner = new DeviceTestRunner(repoRoot, cache, workDir, TimeSpan.FromSeconds(timeoutSeconds));
var runs = new List<ProjectRun>();
foreach (string project in projects)
{
    var run = runner.Run(project);
    RunReport.WriteProject(Console.Out, run);
    runs.Add(run);
}

RunReport.WriteSummary(Console.Out, runs);
bool succeeded = runs.All(r => r.Succeeded);
// A temporary work folder is kept only when its logs can tell why something failed.
if (succeeded && work is null)
{
    Directory.Delete(workDir, recursive: true);
}

return succeeded ? 0 : 1;
