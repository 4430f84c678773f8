namespace CellularIot.DeviceTestRun;

/// <summary>
/// The launcher's result lines matched against the expected cases: what passed, failed and was skipped, which
/// cases were never reported (the run stopped, crashed or timed out before them), and failing fixtures.
/// </summary>
public sealed class TestTally
{
    private TestTally(int expected, List<LauncherLine> caseLines, List<LauncherLine> fixtureFailures, List<LauncherLine> strays, List<UnreportedMethod> unreported, int skippedBySetup)
    {
        Expected = expected;
        Passed = caseLines.Count(l => l.Outcome == CaseOutcome.Passed);
        Failed = caseLines.Count(l => l.Outcome == CaseOutcome.Failed);
        Skipped = caseLines.Count(l => l.Outcome == CaseOutcome.Skipped) + skippedBySetup;
        Failures = caseLines.Where(l => l.Outcome == CaseOutcome.Failed).ToList();
        FixtureFailures = fixtureFailures;
        Strays = strays;
        Unreported = unreported;
    }

    /// <summary>Cases the test assembly holds.</summary>
    public int Expected { get; }

    /// <summary>Cases reported passed.</summary>
    public int Passed { get; }

    /// <summary>Cases reported failed.</summary>
    public int Failed { get; }

    /// <summary>Cases reported skipped, and the cases of classes whose [Setup] was skipped.</summary>
    public int Skipped { get; }

    /// <summary>Cases with no result line.</summary>
    public int NeverReported => Unreported.Sum(u => u.Missing);

    /// <summary>The failed cases' lines, in the order printed.</summary>
    public IReadOnlyList<LauncherLine> Failures { get; }

    /// <summary>[Setup] and [Cleanup] calls that failed.</summary>
    public IReadOnlyList<LauncherLine> FixtureFailures { get; }

    /// <summary>Result lines for methods that are neither cases nor fixtures of the assembly.</summary>
    public IReadOnlyList<LauncherLine> Strays { get; }

    /// <summary>The methods some of whose cases were never reported.</summary>
    public IReadOnlyList<UnreportedMethod> Unreported { get; }

    /// <summary>True when every case passed or was skipped and no fixture failed.</summary>
    public bool Succeeded => Failed == 0 && NeverReported == 0 && FixtureFailures.Count == 0 && Strays.Count == 0;

    /// <summary>Matches <paramref name="lines"/> (the launcher's result lines) against <paramref name="inventory"/>.</summary>
    public static TestTally Count(TestInventory inventory, IEnumerable<LauncherLine> lines)
    {
        var caseLines = new List<LauncherLine>();
        var fixtureFailures = new List<LauncherLine>();
        var strays = new List<LauncherLine>();
        var skippedClasses = new HashSet<string>(StringComparer.Ordinal);
        var reported = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (inventory.Cases.ContainsKey(line.Method))
            {
                caseLines.Add(line);
                reported[line.Method] = reported.GetValueOrDefault(line.Method) + 1;
            }
            else if (!inventory.Fixtures.Contains(line.Method))
            {
                strays.Add(line);
            }
            else if (line.Outcome == CaseOutcome.Failed)
            {
                fixtureFailures.Add(line);
            }
            else if (line.Outcome == CaseOutcome.Skipped)
            {
                // A skipped [Setup] makes the launcher skip its whole class without a line per case.
                skippedClasses.Add(ClassOf(line.Method));
            }
        }

        var unreported = new List<UnreportedMethod>();
        int skippedBySetup = 0;
        foreach (var (method, expected) in inventory.Cases.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            int missing = expected - Math.Min(expected, reported.GetValueOrDefault(method));
            if (missing == 0)
            {
                continue;
            }

            if (skippedClasses.Contains(ClassOf(method)))
            {
                skippedBySetup += missing;
            }
            else
            {
                unreported.Add(new UnreportedMethod(method, missing, expected));
            }
        }

        return new TestTally(inventory.CaseCount, caseLines, fixtureFailures, strays, unreported, skippedBySetup);
    }

    private static string ClassOf(string method) => method[..method.LastIndexOf('.')];
}
