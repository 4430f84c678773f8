using CellularIot.Cloud.Session;
using CellularIot.EndToEnd.Tests.Support;
using CellularIot.ModemSim;
using Xunit;

namespace CellularIot.EndToEnd.Tests;

/// <summary>Runs that are interrupted (login refresh, modem reboot, network loss) and must still lose no QoS 1 reading.</summary>
public sealed class ResilienceTests
{
    [Theory]
    [InlineData(TransportChoice.MqttWebSocket)]
    [InlineData(TransportChoice.MqttTls)]
    [InlineData(TransportChoice.HttpsPost)]
    public async Task TheLoginIsRefreshedMidRunWithoutLosingAReading(TransportChoice transport)
    {
        // Tokens live 30 s; the device refreshes 80 % of the way from fetching to expiry (its default fraction),
        // 24 s after onboarding, 6 s ahead of expiry. Not less: the JWT's exp and the modem's network time are whole
        // seconds and the session looks at the token once a step (up to 1 s), which together eat up to about 2.2 s,
        // and on a machine busy with builds a refresh (onboarding and a new connection) takes seconds more.
        await using Rig rig = await Rig.StartAsync(modemAlpn: transport == TransportChoice.MqttTls, tokenLifetime: TimeSpan.FromSeconds(30), transport: transport);
        rig.RunUntilAcknowledged(1);

        rig.RunUntil(() => rig.Session.Onboardings >= 2 && rig.Session.Connections >= 2, "a refreshed login and a new connection", seconds: 60);
        int acked = rig.Runner.MessagesAcknowledged;
        rig.RunUntilAcknowledged(acked + 3, seconds: 15);

        // Refreshed ahead of expiry: the session was never cut by the broker for an expired token.
        Assert.Equal(0, rig.Session.ConnectionsLost);
        Assert.DoesNotContain(rig.World.Cloud.Events.Snapshot(), e => e.Kind is CloudSim.CloudEventKind.TokenExpired or CloudSim.CloudEventKind.HttpRefused);
        AssertEverySequenceArrived(rig);
    }

    [Theory]
    [InlineData(TransportChoice.MqttWebSocket)]
    [InlineData(TransportChoice.MqttTls)]
    [InlineData(TransportChoice.HttpsPost)]
    public async Task ADeviceAwayPastItsLoginsExpiryOnboardsAgainAndDeliversWhatItTookMeanwhile(TransportChoice transport)
    {
        await using Rig rig = await Rig.StartAsync(modemAlpn: transport == TransportChoice.MqttTls, tokenLifetime: TimeSpan.FromSeconds(10), transport: transport);
        rig.RunUntilAcknowledged(1);

        // Not stepped for longer than the token lives: as a device that slept, or hung in a long bring-up.
        await Task.Delay(TimeSpan.FromSeconds(11), TestContext.Current.CancellationToken);
        rig.Log.Note("the device resumes after its login expired");
        rig.RunUntil(() => rig.Session.Onboardings >= 2, "a new login", seconds: 30);
        int acked = rig.Runner.MessagesAcknowledged;
        rig.RunUntilAcknowledged(acked + 3, seconds: 30);

        AssertEverySequenceArrived(rig);
    }

    [Theory]
    [InlineData(ModemModel.Sim7080)]
    [InlineData(ModemModel.Bg95)]
    public async Task AModemRebootMidRunIsRecoveredWithoutLosingAReading(ModemModel model)
    {
        await using Rig rig = await Rig.StartAsync(model: model);
        rig.RunUntilAcknowledged(2);

        rig.World.Modem.Faults.Reboot();
        rig.Log.Note("modem rebooted by the test");
        rig.RunUntil(() => rig.Session.Connections >= 2, "a new connection after the modem's reboot");
        int acked = rig.Runner.MessagesAcknowledged;
        rig.RunUntilAcknowledged(acked + 3, seconds: 15);

        Assert.Equal(2, rig.Session.Connections);
        AssertEverySequenceArrived(rig);
    }

    [Theory]
    [InlineData(ModemModel.Sim7080)]
    [InlineData(ModemModel.Bg95)]
    public async Task ReadingsStoredWhileOfflineArriveInOrderAfterwards(ModemModel model)
    {
        await using Rig rig = await Rig.StartAsync(model: model);
        rig.RunUntilAcknowledged(2);

        // The network denies registration (the PDP context and the sockets drop) until three readings were taken
        // offline. (While the driver waits for registration a step blocks, so readings come less often than every
        // second: a time-based offline period would hold a varying number.)
        rig.World.Modem.Faults.SetRegistrationDenied(true);
        rig.Log.Note("registration denied by the test");
        long takenBefore = rig.Runner.ReadingsTaken;
        int mostWaiting = 0;
        rig.RunUntil(
            () =>
            {
                mostWaiting = Math.Max(mostWaiting, rig.Runner.BacklogCount);
                return rig.Runner.ReadingsTaken - takenBefore >= 3;
            },
            "three readings taken offline");
        Assert.False(rig.Session.IsOnline);
        Assert.True(mostWaiting >= 3, $"at most {mostWaiting} readings waited in the backlog");
        rig.World.Modem.Faults.SetRegistrationDenied(false);
        rig.Log.Note("registration allowed again by the test");
        long takenOffline = rig.Runner.ReadingsTaken - takenBefore;

        rig.RunUntil(() => rig.Runner.ReadingsDelivered >= takenBefore + takenOffline, "every reading taken offline delivered", seconds: 30);

        Assert.True(rig.Session.Connections >= 2);
        AssertEverySequenceArrived(rig);
        IReadOnlyList<long> order = Telemetry.FirstArrivals(rig.Telemetry);
        Assert.Equal(order.Order(), order);
    }

    // Every reading the device counts as delivered reached the cloud at least once: seq 1..N all present.
    private static void AssertEverySequenceArrived(Rig rig)
    {
        long delivered = rig.Runner.ReadingsDelivered;
        IReadOnlyList<long> arrived = Telemetry.Flatten(rig.Telemetry);
        long[] missing = [.. Enumerable.Range(1, (int)delivered).Select(i => (long)i).Except(arrived)];
        Assert.True(missing.Length == 0, $"readings {string.Join(", ", missing)} of 1..{delivered} never reached the cloud; arrived: {string.Join(", ", arrived)}");
        Assert.Equal(0, rig.Runner.BacklogDropped);
    }
}
