namespace CellularIot.Fuzz;

/// <summary>What a deterministic campaign did and found.</summary>
public sealed class CampaignResult
{
    /// <summary>The target's name.</summary>
    public required string Target { get; init; }

    /// <summary>Cases run to the end.</summary>
    public long Cases { get; set; }

    /// <summary>Wall time of the run.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Managed heap after a full collection, before the first case and after the last.</summary>
    public long HeapBefore { get; set; }

    /// <summary>Managed heap after a full collection after the last case.</summary>
    public long HeapAfter { get; set; }

    /// <summary>Inputs that made an undeclared exception escape, broke an invariant, or hung.</summary>
    public IList<Finding> Findings { get; } = [];

    /// <summary>A line for logs and the status note.</summary>
    public override string ToString()
        => $"{Target}: {Cases:N0} cases in {Elapsed.TotalSeconds:F1} s, {Findings.Count} finding(s), heap {HeapBefore / 1024:N0} KiB -> {HeapAfter / 1024:N0} KiB";
}

/// <summary>One input and what went wrong with it.</summary>
public sealed record Finding(byte[] Input, string What)
{
    /// <summary>The input as hex, to paste into a regression test.</summary>
    public string InputHex => Convert.ToHexString(Input);
}
