namespace CellularIot.DeviceTestRun;

/// <summary>Prints the project runs: counts per project, each failure, each case never reported, and a summary line.</summary>
public static class RunReport
{
    /// <summary>The summary line's first words, which .ci/run looks for.</summary>
    public const string SummaryPrefix = "device tests on nanoCLR:";

    private const int OutputTailLines = 12;

    // The tool cache's assemblies: their sizes are nanoFramework's, not this repository's.
    private static readonly string[] CachedAssemblies = ["mscorlib", "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher"];

    /// <summary>Writes what <paramref name="run"/> found to <paramref name="output"/>.</summary>
    public static void WriteProject(TextWriter output, ProjectRun run)
    {
        var tally = run.Tally;
        string counts = tally is null
            ? "cases unknown (the tests were not compiled)"
            : $"{tally.Expected} cases expected, {tally.Passed} passed, {tally.Failed} failed, {tally.Skipped} skipped, {tally.NeverReported} never reported";
        string time = run.Output is null ? string.Empty : $" (nanoCLR ran {run.Output.Elapsed.TotalSeconds:0.0} s)";
        output.WriteLine($"{(run.Succeeded ? "ok  " : "FAIL")} {run.Project}: {counts}{time}");
        if (run.Output is not null)
        {
            var sizes = StringTableSizes.Read(run.Output.Lines).Where(s => !CachedAssemblies.Contains(s.Key));
            output.WriteLine("     string tables: " + string.Join(", ", sizes.Select(s => $"{s.Key} {s.Value:N0}")) + $" bytes (limit {StringTableSizes.Limit:N0} each)");
        }

        if (run.Problem is not null)
        {
            output.WriteLine("     " + run.Problem.Replace(Environment.NewLine, Environment.NewLine + "     ", StringComparison.Ordinal));
        }

        if (tally is not null)
        {
            foreach (var failure in tally.Failures)
            {
                output.WriteLine($"     failed: {failure.Key}: {failure.Detail}");
            }

            foreach (var failure in tally.FixtureFailures)
            {
                output.WriteLine($"     failed (setup/cleanup): {failure.Key}: {failure.Detail}");
            }

            foreach (var stray in tally.Strays)
            {
                output.WriteLine($"     result for a method that is no test case: {stray.Outcome} {stray.Key}: {stray.Detail}");
            }

            // Without a run, every case is unreported for the one reason above.
            foreach (var method in run.Output is null ? [] : tally.Unreported)
            {
                output.WriteLine($"     never reported: {method.Method} ({method.Missing} of {method.Expected} cases)");
            }

            // Where the launcher stopped early, the runtime's last words say why (an exception, out of memory).
            if (tally.NeverReported > 0 && run.Output is not null)
            {
                output.WriteLine($"     nanoCLR's last {OutputTailLines} lines ({Ending(run.Output)}):");
                foreach (string line in run.Output.Lines.Skip(Math.Max(0, run.Output.Lines.Count - OutputTailLines)))
                {
                    output.WriteLine("       | " + line);
                }
            }
        }

        if (run.LogPath is not null && !run.Succeeded)
        {
            output.WriteLine($"     log: {run.LogPath}");
        }
    }

    // 128 + N is how a shell reports a process killed by signal N (139: SIGSEGV, a crash).
    private static string Ending(ToolResult result) => result.ExitCode switch
    {
        null => "stopped at the time-out",
        > 128 and < 160 => $"exit code {result.ExitCode}: crashed, signal {result.ExitCode - 128}",
        _ => $"exit code {result.ExitCode}",
    };

    /// <summary>
    /// Writes the summary line over all <paramref name="runs"/>. Failing setups and cleanups count as failed, and
    /// so does each project whose tests were not compiled (its cases are unknown).
    /// </summary>
    public static void WriteSummary(TextWriter output, IReadOnlyList<ProjectRun> runs)
    {
        var tallies = runs.Select(r => r.Tally).OfType<TestTally>().ToList();
        int failed = tallies.Sum(t => t.Failed + t.FixtureFailures.Count + t.Strays.Count) + runs.Count(r => r.Tally is null);
        output.WriteLine(
            $"{SummaryPrefix} {tallies.Sum(t => t.Passed)} passed, {failed} failed, {tallies.Sum(t => t.Skipped)} skipped, "
            + $"{tallies.Sum(t => t.NeverReported)} never reported ({tallies.Sum(t => t.Expected)} cases in {Projects(runs.Count)})");
    }

    /// <summary>"1 project", "2 projects".</summary>
    public static string Projects(int count) => count == 1 ? "1 project" : $"{count} projects";
}
