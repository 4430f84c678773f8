namespace CellularIot.DeviceTestRun;

/// <summary>What became of one test project: its tally, or why it could not be built or run to the end.</summary>
/// <param name="Project">The .nfproj, relative to the repository.</param>
/// <param name="Tally">The results matched against the expected cases; null when the tests did not compile.</param>
/// <param name="Problem">Why the run is incomplete (build failure, time-out); null when it ran to its end.</param>
/// <param name="Output">The nanoCLR run; null when it never started.</param>
/// <param name="LogPath">Where the run's whole output is kept; null when it never started.</param>
public sealed record ProjectRun(string Project, TestTally? Tally, string? Problem, ToolResult? Output, string? LogPath)
{
    /// <summary>True when every case passed or was skipped, and nothing stopped the run.</summary>
    public bool Succeeded => Problem is null && Tally is { Succeeded: true };
}
