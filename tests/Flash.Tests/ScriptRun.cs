namespace CellularIot.Flash.Tests;

/// <summary>What one run of flash.ps1 did: its exit code and what it wrote (LF line ends, no colours).</summary>
public sealed record ScriptRun(int ExitCode, string Output, string Error)
{
    /// <summary>The nanoff command lines flash.ps1 printed, in order.</summary>
    public IReadOnlyList<string> NanoffCommands => Output.Split('\n').Where(l => l.StartsWith("nanoff ", StringComparison.Ordinal)).ToList();

    /// <summary>Everything written, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}
