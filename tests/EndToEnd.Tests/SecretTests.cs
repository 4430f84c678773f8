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

    // Everything a run can print: the device's log, the AT trace of the serial line (as the runner's --trace-at shows
    // it) and the cloud's event log. The login crosses the serial line in the clear (TLS runs inside the modem): in
    // the WebSocket upgrade's headers, or in MQTT's CONNECT over TLS with ALPN.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NoLineOfAnyOutputOfARunHoldsTheTokenOrTheSignature(bool modemAlpn)
    {
        await using Rig rig = await Rig.StartAsync(modemAlpn);
        var trace = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var data = new System.Collections.Concurrent.ConcurrentQueue<string>();
        rig.World.Modem.Traffic.EntryAdded += (_, e) =>
        {
            trace.Enqueue(e.Entry.ToString());
            if (e.Entry.DataBytes > 0 && e.Entry.Direction == ModemSim.TrafficDirection.ToModem)
            {
                data.Enqueue(System.Text.Encoding.Latin1.GetString(e.Entry.Bytes.Span[^e.Entry.DataBytes..]));
            }
        };

        rig.RunUntilAcknowledged(2);
        CustomAuthUsername login = StoredLogin(rig);

        string[] output = [.. rig.Log.Lines, .. trace, .. rig.World.Cloud.Events.Snapshot().Select(e => e.ToString())];
        Assert.Contains(output, l => l.Contains("bytes of data]", StringComparison.Ordinal));
        string[] secrets = [login.Token, login.Signature, Uri.EscapeDataString(login.Signature), login.MqttUsername];
        foreach (string secret in secrets)
        {
            Assert.True(secret.Length >= 16, "a secret too short to search for");
            string? leak = output.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"an output line holds a secret whole: {leak}");
        }

        // The secrets did cross the line, inside the data blocks the trace shows by size only.
        Assert.Contains(modemAlpn ? login.MqttUsername : login.Token, string.Concat(data), StringComparison.Ordinal);
    }

    private static CustomAuthUsername StoredLogin(Rig rig)
    {
        TokenRecord? record = new TokenStore(new FileBlobStore(rig.World.StoreDirectory)).Load();
        Assert.NotNull(record);
        return CustomAuthUsername.Parse(record.Credentials.Username);
    }
}
