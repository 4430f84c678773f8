using CellularIot.Cloud.Token;
using CellularIot.EndToEnd.Tests.Support;
using CellularIot.Host;
using Xunit;

namespace CellularIot.EndToEnd.Tests;

/// <summary>The login is a credential: a whole run, refresh included, never writes its token or signature to the log.</summary>
public sealed class SecretTests
{
    [Fact]
    public async Task NoLogLineOfARunWithARefreshHoldsTheTokenOrTheSignature()
    {
        await using Rig rig = await Rig.StartAsync(tokenLifetime: TimeSpan.FromSeconds(15));
        var seen = new List<CustomAuthUsername>();

        rig.RunUntil(() => rig.Session.Onboardings >= 1 && rig.Runner.MessagesAcknowledged >= 1, "a first login and an acknowledged message");
        seen.Add(StoredLogin(rig));
        rig.RunUntil(() => rig.Session.Onboardings >= 2 && rig.Session.Connections >= 2, "a refreshed login and a new connection", seconds: 25);
        seen.Add(StoredLogin(rig));

        IReadOnlyList<string> lines = rig.Log.Lines;
        Assert.True(lines.Count > 20, "the run logged too little to prove anything");
        Assert.Contains(lines, l => l.Contains("user name", StringComparison.Ordinal));
        foreach (CustomAuthUsername login in seen)
        {
            foreach (string secret in new[] { login.Token, login.Signature, Uri.EscapeDataString(login.Signature), login.MqttUsername })
            {
                Assert.True(secret.Length >= 16, "a secret too short to search for");
                string? leak = lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal));
                Assert.True(leak is null, $"a log line holds a secret whole: {leak}");
            }
        }
    }

    private static CustomAuthUsername StoredLogin(Rig rig)
    {
        TokenRecord? record = new TokenStore(new FileBlobStore(rig.World.StoreDirectory)).Load();
        Assert.NotNull(record);
        return CustomAuthUsername.Parse(record.Credentials.Username);
    }
}
