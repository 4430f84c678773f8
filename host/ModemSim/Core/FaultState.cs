namespace CellularIot.ModemSim.Core;

/// <summary>The injected faults that wait for a command or a response (owned by the event loop).</summary>
internal sealed class FaultState
{
    private readonly Queue<string> midResponseUrcs = new();
    private readonly List<CommandFailure> failures = [];
    private string? rebootPrefix;
    private int commandsToIgnore;

    /// <summary>Queues a URC for the next final result: it goes out just before it, after any information lines.</summary>
    public void AddMidResponseUrc(string line) => midResponseUrcs.Enqueue(line);

    public bool TryTakeMidResponseUrc(out string line) => midResponseUrcs.TryDequeue(out line!);

    /// <summary>Arms a reboot for the next command whose text (after "AT") starts with <paramref name="prefix"/>.</summary>
    public void ArmReboot(string prefix) => rebootPrefix = prefix;

    public bool TakeReboot(string body)
    {
        if (rebootPrefix is null || !body.StartsWith(rebootPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        rebootPrefix = null;
        return true;
    }

    /// <summary>Hangs for the next <paramref name="count"/> command lines: they get no echo and no answer.</summary>
    public void IgnoreCommands(int count) => commandsToIgnore = count;

    public bool TakeIgnoredCommand()
    {
        if (commandsToIgnore == 0)
        {
            return false;
        }

        commandsToIgnore--;
        return true;
    }

    public void AddFailure(CommandFailure failure) => failures.Add(failure);

    public void ClearFailures() => failures.Clear();

    /// <summary>The CME code for <paramref name="body"/> if an injected failure matches it.</summary>
    public int? TakeFailure(string body)
    {
        CommandFailure? match = failures.Find(f => body.StartsWith(f.Prefix, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            return null;
        }

        if (match.Remaining > 0 && --match.Remaining == 0)
        {
            failures.Remove(match);
        }

        return match.Code;
    }

    /// <summary>Strips a leading "AT" so that "AT+CSQ" and "+CSQ" name the same command.</summary>
    public static string NormalizePrefix(string prefix) =>
        prefix.StartsWith("AT", StringComparison.OrdinalIgnoreCase) ? prefix[2..] : prefix;
}
