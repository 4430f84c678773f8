using Xunit;

namespace CellularIot.Fuzz.Tests;

/// <summary>The campaign runner finds what it is for: an escaping exception, a broken invariant, a hang.</summary>
public sealed class CampaignTests
{
    [Fact]
    public void AnExceptionOnARareInputIsFoundAndItsInputKept()
    {
        // Only inputs starting "AT" with a 0x7F somewhere fail: reachable by mutating the seed, not by chance alone.
        var target = new DelegateTarget("planted", [[.. "AT+X"u8]], data =>
        {
            if (data.Length > 2 && data[0] == 'A' && data[1] == 'T' && data.Contains((byte)0x7F))
            {
                throw new InvalidOperationException("planted");
            }
        });

        CampaignResult result = new Campaign().Run(target, [], 200_000, seed: 3);

        Finding finding = Assert.Single(result.Findings);
        Assert.Contains("planted", finding.What, StringComparison.Ordinal);
        Assert.Equal((byte)'A', finding.Input[0]);
        Assert.Contains((byte)0x7F, finding.Input);
    }

    [Fact]
    public void TheSameSeedMakesTheSameCases()
    {
        var first = new List<string>();
        var second = new List<string>();
        new Campaign().Run(new DelegateTarget("a", [[1, 2, 3]], d => first.Add(Convert.ToHexString(d))), [], 500, seed: 9);
        new Campaign().Run(new DelegateTarget("a", [[1, 2, 3]], d => second.Add(Convert.ToHexString(d))), [], 500, seed: 9);

        Assert.Equal(first, second);
        Assert.Equal(501, first.Count);
    }

    [Fact]
    public void AHangingCaseIsReportedAfterTheCaseTimeout()
    {
        using var release = new ManualResetEventSlim(false);
        var target = new DelegateTarget("hang", [[0]], data =>
        {
            if (data.Length == 1 && data[0] == 0)
            {
                release.Wait(TimeSpan.FromMinutes(1));
            }
        });

        CampaignResult result = new Campaign { CaseTimeout = TimeSpan.FromSeconds(1) }.Run(target, [], 10, seed: 1);
        release.Set();

        Finding finding = Assert.Single(result.Findings);
        Assert.StartsWith("hang", finding.What, StringComparison.Ordinal);
        Assert.Equal([0], finding.Input);
    }

    [Fact]
    public void ChoicesReadAsZeroPastTheEnd()
    {
        var input = new FuzzInput([5, 0xFF, 0xD8, 0x00, 0x41]);

        Assert.Equal(5, input.Byte());
        Assert.Equal("\uD800A", input.RestAsText());
        Assert.Equal(0, input.Byte());
        Assert.Equal(0, input.Below(1000));
        Assert.Empty(input.Bytes(10));
    }

    private sealed class DelegateTarget(string name, byte[][] seeds, Action<byte[]> run) : IFuzzTarget
    {
        public string Name => name;

        public string Description => name;

        public IEnumerable<byte[]> Seeds() => seeds;

        public void Run(byte[] data) => run(data);
    }
}
