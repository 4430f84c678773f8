using Xunit;

namespace CellularIot.Fuzz.Tests;

/// <summary>
/// Every fuzz target over its stored seeds and then up to <see cref="Cases"/> cases made from a fixed seed, within
/// a time budget so the whole run stays well under a minute: nothing but the declared exceptions escapes, no
/// invariant breaks, and no case hangs. The long campaigns run the same code (fuzz/README.md).
/// </summary>
public sealed class QuickRunTests
{
    private const int Cases = 3000;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public static TheoryData<string> Targets => new(FuzzTargets.All.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(Targets))]
    public void NothingUndeclaredEscapes(string name)
    {
        IFuzzTarget target = FuzzTargets.Find(name);
        var seeds = Corpus.Load(Corpus.FindRoot(), name);
        var campaign = new Campaign { TimeBudget = Budget, MaxFindings = 3, CaseTimeout = TimeSpan.FromSeconds(30) };

        CampaignResult result = campaign.Run(target, seeds, Cases, seed: 20261204);

        Assert.True(result.Findings.Count == 0, string.Join("\n\n", result.Findings.Select(f => "input " + f.InputHex + "\n" + f.What)));
        Assert.True(result.Cases >= seeds.Count, $"{result.Cases} cases for {seeds.Count} seeds");
        TestContext.Current.SendDiagnosticMessage(result.ToString());
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void EveryTargetHasItsSeedsInTheRepository(string name)
    {
        string root = Corpus.FindRoot();
        Assert.NotNull(root);
        IReadOnlyList<byte[]> stored = Corpus.Load(root, name);
        IFuzzTarget target = FuzzTargets.Find(name);
        Assert.True(stored.Count >= target.Seeds().Count(), $"fuzz/corpus/{name} holds {stored.Count} seeds; run 'dotnet run --project fuzz/Fuzz.Runner -- seeds'");
        foreach (byte[] seed in target.Seeds())
        {
            Assert.Contains(stored, s => s.AsSpan().SequenceEqual(seed));
        }
    }

    [Fact]
    public void TargetNamesAreUnique()
    {
        Assert.Equal(FuzzTargets.All.Count, FuzzTargets.All.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.True(FuzzTargets.All.Count >= 18);
    }
}
