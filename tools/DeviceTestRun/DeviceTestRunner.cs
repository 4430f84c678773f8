namespace CellularIot.DeviceTestRun;

/// <summary>
/// Runs each device test project of a repository on nanoCLR: builds the test assembly and the projects it
/// references, converts them to .pe files, lets nanoFramework's UnitTestLauncher run the tests, and matches
/// the launcher's result lines against the cases the test assembly holds.
/// </summary>
public sealed class DeviceTestRunner
{
    private readonly string repoRoot;
    private readonly TimeSpan timeout;
    private readonly DeviceBuild build;
    private readonly NanoClrHost host;

    /// <summary>Creates a runner for the repository at <paramref name="repoRoot"/>; each nanoCLR run may take up to <paramref name="timeout"/>.</summary>
    public DeviceTestRunner(string repoRoot, ToolCache cache, string workDir, TimeSpan timeout)
    {
        this.repoRoot = repoRoot;
        this.timeout = timeout;
        build = new DeviceBuild(repoRoot, cache, workDir);
        host = new NanoClrHost(cache);
    }

    /// <summary>Runs one test project.</summary>
    public ProjectRun Run(string projectPath)
    {
        string name = Path.GetRelativePath(repoRoot, projectPath).Replace('\\', '/');
        var project = DeviceProject.Load(projectPath);
        TestInventory? inventory = null;
        try
        {
            var dependencies = build.BuildDependencies(project);
            var tests = build.CompileTests(project, dependencies);
            inventory = TestInventory.Read(tests.Image);
            string testsPe = build.ConvertToPe(tests);
            var output = host.RunTests(dependencies.Select(d => d.PePath).Append(testsPe), timeout);
            string logPath = Path.Combine(Path.GetDirectoryName(tests.DllPath)!, "nanoclr.log");
            File.WriteAllLines(logPath, output.Lines);
            var tally = TestTally.Count(inventory, output.Lines.Select(LauncherLine.Parse).OfType<LauncherLine>());
            string? problem = output.TimedOut ? $"nanoCLR was stopped at the time-out of {timeout.TotalSeconds:0} s" : null;
            return new ProjectRun(name, tally, problem, output, logPath);
        }
        catch (DeviceBuildException e)
        {
            // Tests that compiled but did not convert are all unreported: the device could not run one of them.
            var tally = inventory is null ? null : TestTally.Count(inventory, []);
            return new ProjectRun(name, tally, e.Message, null, null);
        }
    }
}
