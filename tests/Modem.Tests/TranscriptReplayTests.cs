using System.Text;
using CellularIot.At;
using CellularIot.Host;
using CellularIot.Host.Transcripts;
using CellularIot.Modem.Sim7080;
using CellularIot.Modem.Tests.Support;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.Modem.Tests;

/// <summary>
/// Every transcript in tests/Transcripts replayed through the AT layer and the SIM7080G driver, checked against the
/// outcome it declares (docs/transcripts.md): <c>up &lt;iccid&gt; &lt;revision&gt;</c>, <c>failed &lt;words&gt;</c>,
/// <c>connected &lt;host&gt; &lt;port&gt;</c>, <c>send &lt;n&gt;</c>, <c>received &lt;n&gt;</c>, <c>closed</c>,
/// <c>clock &lt;yyyy-MM-dd HH:mm:ss&gt;</c> (UTC), <c>no-reboot</c> and <c>rebooted</c>, in the order written.
/// </summary>
public sealed class TranscriptReplayTests
{
    /// <summary>The transcripts' folder, found from the test's own folder up to the repository.</summary>
    public static string Folder
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "Transcripts");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("tests/Transcripts not found above " + AppContext.BaseDirectory);
        }
    }

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Folder, "*.at").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Fact]
    public void TheCollectionCoversTheFieldClassesAColdBootAndAWarmRestart()
    {
        string[] names = [.. Directory.GetFiles(Folder, "*.at").Select(path => Path.GetFileName(path))];
        Assert.True(names.Length >= 12, names.Length + " transcripts");
        foreach (string required in new[] { "cold-boot", "warm-restart", "class1-", "class2-", "class3-", "class4-", "class5-", "class6-", "class7-", "class8-" })
        {
            Assert.Contains(names, name => name.Contains(required, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void ReplaysToTheDeclaredOutcome(string file)
    {
        Transcript transcript = Transcript.Load(Path.Combine(Folder, file));
        Assert.NotEmpty(transcript.Expectations);
        using var link = new ReplayLink(transcript);
        var log = new TestLog();
        using var channel = new AtChannel(link, new SystemClock(), log, FastModem.Channel());
        Sim7080Settings settings = FastModem.Driver(new Sim7080Settings(), probeTimeoutMs: 150, attachTimeoutMs: 3000);
        settings.SimPollMs = 20;
        settings.SimReadyTimeoutMs = 500;
        settings.SendFinalQuietMs = 150;
        settings.PowerKeyPulseMs = 1;
        var modem = new Sim7080Modem(channel, new NoPowerKey(), new SystemClock(), log, settings);
        ISecureSocket? socket = null;
        byte[] buffer = new byte[4096];
        foreach (string expectation in transcript.Expectations)
        {
            string[] words = expectation.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words[0])
            {
                case "up":
                    modem.PowerOn();
                    Assert.Equal(2, words.Length);
                    Assert.Equal(words[1], modem.Identity.Iccid);
                    break;
                case "failed":
                    ModemException failure = Assert.ThrowsAny<ModemException>(modem.PowerOn);
                    Assert.Contains(string.Join(' ', words[1..]), failure.Message, StringComparison.Ordinal);
                    break;
                case "connected":
                    modem.WaitForRegistration();
                    modem.ActivateData(settings.Apn);
                    socket = modem.OpenSecureSocket(new SecureSocketOptions(words[1], int.Parse(words[2], System.Globalization.CultureInfo.InvariantCulture), "ca.pem"));
                    break;
                case "send":
                    socket!.Send(Encoding.ASCII.GetBytes(new string('x', int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture))), 0, int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "received":
                    int wanted = int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture);
                    int got = 0;
                    while (got < wanted)
                    {
                        // Asked for as much as the driver reads at once, as the protocols above do.
                        int read = socket!.Receive(buffer, got, buffer.Length - got, 2000);
                        Assert.True(read > 0, $"received {got} of {wanted} bytes. Log:{Environment.NewLine}{log.Tail()}");
                        got += read;
                    }

                    Assert.Equal(wanted, got);
                    break;
                case "closed":
                    Assert.Throws<SocketClosedException>(() => socket!.Receive(buffer, 0, buffer.Length, 2000));
                    break;
                case "clock":
                    Assert.Equal(DateTime.Parse(words[1] + " " + words[2], System.Globalization.CultureInfo.InvariantCulture), modem.ReadNetworkTimeUtc());
                    break;
                case "no-reboot":
                case "rebooted":
                    link.ReleaseRest();
                    if (words[0] == "rebooted")
                    {
                        Wait.Until(() => modem.RebootDetected, "the reboot", 2000);
                    }
                    else
                    {
                        // The late lines are handled on the channel's dispatcher: give it time to (wrongly) see a reboot.
                        Thread.Sleep(300);
                        Assert.False(modem.RebootDetected, "a reboot was seen. Log:" + Environment.NewLine + log.Tail());
                    }

                    break;
                default:
                    throw new FormatException("unknown expectation: " + expectation);
            }
        }

        modem.Dispose();
    }

    private sealed class NoPowerKey : IPowerKey
    {
        public void Pulse(int durationMs)
        {
        }
    }
}
