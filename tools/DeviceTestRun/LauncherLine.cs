namespace CellularIot.DeviceTestRun;

/// <summary>
/// One result line of nanoFramework's UnitTestLauncher: <c>Test passed|failed|skipped,&lt;Class.Method.N&gt;,&lt;detail&gt;</c>,
/// where N is the index of the attribute that made the call and the detail is the elapsed ticks or the
/// exception's message (source/UnitTestLauncher/Program.cs in nanoframework/nanoFramework.TestFramework).
/// </summary>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Method">The declaring type's full name and the method's name, e.g. <c>Ns.FooTests.Bar</c>.</param>
/// <param name="Key">The whole <c>Class.Method.N</c> as printed.</param>
/// <param name="Detail">Everything after the second comma.</param>
public sealed record LauncherLine(CaseOutcome Outcome, string Method, string Key, string Detail)
{
    private static readonly (string Prefix, CaseOutcome Outcome)[] Prefixes =
    [
        ("Test passed,", CaseOutcome.Passed),
        ("Test failed,", CaseOutcome.Failed),
        ("Test skipped,", CaseOutcome.Skipped),
    ];

    /// <summary>Parses <paramref name="line"/>; null when it is not a result line.</summary>
    public static LauncherLine? Parse(string line)
    {
        foreach (var (prefix, outcome) in Prefixes)
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string rest = line[prefix.Length..];
            int comma = rest.IndexOf(',', StringComparison.Ordinal);
            string key = comma < 0 ? rest : rest[..comma];
            int lastDot = key.LastIndexOf('.');
            if (lastDot <= 0 || !int.TryParse(key.AsSpan(lastDot + 1), out _))
            {
                return null;
            }

            return new LauncherLine(outcome, key[..lastDot], key, comma < 0 ? string.Empty : rest[(comma + 1)..]);
        }

        return null;
    }
}
