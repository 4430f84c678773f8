using CellularIot.Cloud.Onboarding;
using CellularIot.Cloud.Token;
using CellularIot.Host;
using Xunit;

namespace CellularIot.PcPlatform.Tests;

/// <summary>The PC's file blob store, and the token store's atomicity over real files after a simulated crash.</summary>
public sealed class FileBlobStoreTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "blob-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void RoundTripsAndReportsMissingOrOversizeBlobsAsNull()
    {
        var store = new FileBlobStore(folder);
        Assert.Null(store.Read("absent", 100));
        store.Write("blob", [1, 2, 3]);
        store.Write("blob", [4, 5]);
        Assert.Equal(new byte[] { 4, 5 }, store.Read("blob", 100));
        Assert.Null(store.Read("blob", 1));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("")]
    public void RefusesNamesThatAreNotPlain(string name)
    {
        var store = new FileBlobStore(folder);
        Assert.ThrowsAny<ArgumentException>(() => store.Write(name, [1]));
    }

    [Fact]
    public void ACrashDuringASaveLeavesThePreviousToken()
    {
        var tokens = new TokenStore(new FileBlobStore(folder));
        tokens.Save(Record("old"));
        tokens.Save(Record("new"));
        string newest = Path.Combine(folder, TokenStore.SlotB);
        byte[] complete = File.ReadAllBytes(newest);

        // Power cut part-way through rewriting the newest slot: the file holds only its first bytes.
        foreach (int kept in new[] { 0, 7, TokenStore.HeaderBytes, complete.Length / 2, complete.Length - 1 })
        {
            File.WriteAllBytes(newest, complete[..kept]);
            Assert.Equal("old", Suffix(new TokenStore(new FileBlobStore(folder)).Load()));
        }

        File.WriteAllBytes(newest, complete);
        Assert.Equal("new", Suffix(new TokenStore(new FileBlobStore(folder)).Load()));
    }

    [Fact]
    public void ASaveAfterTheCrashGoesToTheBrokenSlot()
    {
        var tokens = new TokenStore(new FileBlobStore(folder));
        tokens.Save(Record("old"));
        tokens.Save(Record("new"));
        File.WriteAllBytes(Path.Combine(folder, TokenStore.SlotB), [0x43, 0x49, 0x54]);

        tokens.Save(Record("newer"));

        Assert.Equal("newer", Suffix(new TokenStore(new FileBlobStore(folder)).Load()));
        File.Delete(Path.Combine(folder, TokenStore.SlotB));
        Assert.Equal("old", Suffix(new TokenStore(new FileBlobStore(folder)).Load()));
    }

    [Fact]
    public void BothSlotsBrokenMeansOnboardAgain()
    {
        var tokens = new TokenStore(new FileBlobStore(folder));
        tokens.Save(Record("old"));
        tokens.Save(Record("new"));
        foreach (string slot in new[] { TokenStore.SlotA, TokenStore.SlotB })
        {
            string path = Path.Combine(folder, slot);
            byte[] bytes = File.ReadAllBytes(path);
            bytes[^1] ^= 0xFF;
            File.WriteAllBytes(path, bytes);
        }

        Assert.Null(new TokenStore(new FileBlobStore(folder)).Load());
    }

    private static TokenRecord Record(string suffix)
        => new(new OnboardingResult("8988?x-amz-customauthorizer-name=a&x-amz-customauthorizer-signature=s&token=" + suffix, "e.example.com", "8988228066612345678", "https://a.example.com/AmazonRootCA1.pem"), new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc));

    private static string Suffix(TokenRecord? record) => record?.Credentials.Username[(record.Credentials.Username.LastIndexOf('=') + 1)..] ?? "(none)";
}
