namespace CellularIot.DeviceTestRun;

/// <summary>How a tool run ended and what it printed.</summary>
/// <param name="ExitCode">The exit status; null when the run was killed at its time-out.</param>
/// <param name="Lines">Standard output and error, line by line, in arrival order.</param>
/// <param name="Elapsed">How long it ran.</param>
public sealed record ToolResult(int? ExitCode, IReadOnlyList<string> Lines, TimeSpan Elapsed)
{
    /// <summary>True when the run was killed at its time-out.</summary>
    public bool TimedOut => ExitCode is null;

    /// <summary>The last <paramref name="count"/> lines, for a message.</summary>
    public string Tail(int count) => string.Join(Environment.NewLine, Lines.Skip(Math.Max(0, Lines.Count - count)));
}
