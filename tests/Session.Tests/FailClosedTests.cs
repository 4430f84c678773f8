using System.Text;
using CellularIot.Cloud.Session;
using CellularIot.CloudSim;
using CellularIot.Session.Tests.Support;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>
/// A server the device cannot verify gets nothing: no onboarding request, no login, no MQTT session, however often the
/// device tries (docs/faults.md). The device keeps trying with backoff and comes online once the fault is gone where
/// it can be gone (a name the network resolves again).
/// </summary>
public sealed class FailClosedTests
{
    private const int Attempts = 3;

    [Fact]
    public async Task AServerChainFromAnotherCaIsNeverTrustedAndNothingIsSent()
    {
        using var stranger = TestPki.CreateCa("Stranger Root CA");
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { TrustedCaPem = Encoding.ASCII.GetBytes(stranger.ExportCertificatePem()) });

        rig.RunUntil(() => NoLoginWaits(rig) >= Attempts, $"{Attempts} failed onboardings", timeoutMs: 20_000);

        Assert.All(rig.Recorder.DetailsOf(SessionState.Waiting), detail => Assert.Contains("no login", detail, StringComparison.Ordinal));
        AssertNothingReachedTheCloud(rig);
    }

    [Fact]
    public async Task AWrongNetworkClockFailsEveryCertificateAndNothingIsSent()
    {
        // Two years ahead the cloud's certificates have expired: the module refuses them (result 24) at its own time.
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { NetworkTime = DateTimeOffset.UtcNow.AddYears(2) });

        rig.RunUntil(() => NoLoginWaits(rig) >= Attempts, $"{Attempts} failed onboardings", timeoutMs: 20_000);

        AssertNothingReachedTheCloud(rig);
    }

    [Fact]
    public async Task AnIotEndpointWhoseCertificateNamesAnotherHostNeverGetsTheLogin()
    {
        // The stored login points at a name the network maps to the real endpoint, whose certificate does not carry it.
        const string Impostor = "impostor-ats.iot.eu-central-1.amazonaws.com";
        await using SessionRig rig = await SessionRig.StartAsync();
        rig.MapHost(Impostor, rig.Cloud.IotEndpoint);
        rig.StoreLogin(rig.Iccid);
        RetargetStoredLogin(rig, Impostor);

        rig.RunUntil(() => rig.Recorder.DetailsOf(SessionState.Waiting).Count(d => d.Contains("connection failed", StringComparison.Ordinal)) >= Attempts, $"{Attempts} failed connections", timeoutMs: 20_000);

        Assert.Equal(0, rig.Session.Connections);
        Assert.Empty(rig.Events(CloudEventKind.AuthAccepted));
        Assert.Empty(rig.Events(CloudEventKind.AuthRejected));
        Assert.Empty(rig.Events(CloudEventKind.MqttConnected));
        Assert.Empty(rig.Events(CloudEventKind.WebSocketUpgraded));
        Assert.DoesNotContain(rig.Recorder.States, s => s.State == SessionState.Online);
    }

    [Fact]
    public async Task AnOnboardingHostTheNetworkCannotResolveIsRetriedUntilItResolves()
    {
        const string Unresolved = "onboarding.unresolved.test";
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Session = s => s.OnboardingHost = Unresolved });

        rig.RunUntil(() => NoLoginWaits(rig) >= Attempts, $"{Attempts} failed onboardings", timeoutMs: 20_000);
        AssertNothingReachedTheCloud(rig);

        // The name resolves again (to a server whose certificate does not carry it: still refused) ...
        rig.MapHost(Unresolved, rig.Cloud.OnboardingEndpoint);
        int before = NoLoginWaits(rig);
        rig.RunUntil(() => NoLoginWaits(rig) >= before + Attempts, "failed onboardings at a server of another name", timeoutMs: 20_000);
        AssertNothingReachedTheCloud(rig);

        // ... until the device asks the right host, which it then reaches at once.
        rig.Settings.OnboardingHost = rig.Cloud.OnboardingHost;
        rig.RunUntilOnline(20_000);
        Assert.Equal(1, rig.Session.Onboardings);
        rig.AssertHealthy();
    }

    private static int NoLoginWaits(SessionRig rig) => rig.Recorder.DetailsOf(SessionState.Waiting).Count(d => d.Contains("no login", StringComparison.Ordinal));

    private static void AssertNothingReachedTheCloud(SessionRig rig)
    {
        Assert.Equal(0, rig.Session.Onboardings);
        Assert.Equal(0, rig.Session.Connections);
        Assert.Empty(rig.Events(CloudEventKind.OnboardingServed));
        Assert.Empty(rig.Events(CloudEventKind.OnboardingRefused));
        Assert.Empty(rig.Events(CloudEventKind.AuthAccepted));
        Assert.Empty(rig.Events(CloudEventKind.AuthRejected));
        Assert.DoesNotContain(rig.Recorder.States, s => s.State == SessionState.Online);
    }

    private static void RetargetStoredLogin(SessionRig rig, string endpointHost)
    {
        var store = new Cloud.Token.TokenStore(rig.Store);
        Cloud.Token.TokenRecord record = store.Load() ?? throw new InvalidOperationException("no stored login");
        Cloud.Onboarding.OnboardingResult login = record.Credentials;
        store.Save(new Cloud.Token.TokenRecord(
            new Cloud.Onboarding.OnboardingResult(login.Username, endpointHost, login.ClientId, login.AmazonRootCaUrl),
            record.FetchedAtUtc));
    }
}
