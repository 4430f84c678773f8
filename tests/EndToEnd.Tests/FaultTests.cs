using System.Net;
using CellularIot.CloudSim;
using CellularIot.EndToEnd.Tests.Support;
using Xunit;

namespace CellularIot.EndToEnd.Tests;

/// <summary>
/// The whole device under one fault at a time (docs/faults.md): each run takes readings every second, meets the fault
/// once it has delivered some, must come back by itself, and loses and duplicates no QoS 1 reading. Each test writes
/// its <see cref="ReadingLedger"/> to the test output, where docs/faults.md took its counts from.
/// </summary>
public sealed class FaultTests
{
    [Fact]
    public async Task AModemRebootInsideAPublishIsRecoveredWithoutLosingAReading()
    {
        await using Rig rig = await Rig.StartAsync();
        rig.RunUntilAcknowledged(2);

        // The module restarts while it takes the bytes of the next publish (AT+CASEND is how data goes out).
        rig.World.Modem.Faults.RebootDuringNextCommand("+CASEND");
        rig.Log.Note("the modem reboots inside the next AT+CASEND");
        rig.RunUntil(() => rig.Session.Connections >= 2, "a new connection after the reboot");
        rig.RunUntilAcknowledged(rig.Runner.MessagesAcknowledged + 3, seconds: 20);

        AssertNothingLost(rig);
    }

    [Fact]
    public async Task ALostDataContextIsBroughtBackWithoutLosingAReading()
    {
        await using Rig rig = await Rig.StartAsync();
        rig.RunUntilAcknowledged(2);

        rig.World.Modem.Faults.DeactivatePdp();
        rig.Log.Note("the network deactivated the PDP context");
        rig.RunUntil(() => rig.Session.Connections >= 2, "a new connection after the PDP context came back");
        rig.RunUntilAcknowledged(rig.Runner.MessagesAcknowledged + 3, seconds: 20);

        Assert.True(rig.Session.ConnectionsLost >= 1);
        AssertNothingLost(rig);
    }

    [Fact]
    public async Task AConnectionClosedByTheCloudIsMadeAgainWithoutLosingAReading()
    {
        await using Rig rig = await Rig.StartAsync();
        rig.RunUntilAcknowledged(2);

        Assert.True(rig.World.Cloud.Disconnect(rig.World.Iccid));
        rig.Log.Note("the cloud closed the device's connection");
        rig.RunUntil(() => rig.Session.Connections >= 2, "a new connection after the cloud closed the old one");
        rig.RunUntilAcknowledged(rig.Runner.MessagesAcknowledged + 3, seconds: 20);

        Assert.Equal(1, rig.Session.ConnectionsLost);
        Assert.Equal(1, rig.Session.Onboardings);
        AssertNothingLost(rig);
    }

    [Fact]
    public async Task GarbageOnTheSerialLineCostsNoReading()
    {
        await using Rig rig = await Rig.StartAsync();
        rig.RunUntilAcknowledged(2);

        // The next five writes of the module arrive with flipped bits: answers, URCs and received data alike.
        rig.World.Modem.Faults.GarbleOutput(5);
        rig.Log.Note("the module's next 5 writes are garbled");
        rig.RunUntilAcknowledged(rig.Runner.MessagesAcknowledged + 5, seconds: 30);

        Assert.Null(rig.World.Modem.InternalError);
        AssertNothingLost(rig);
    }

    [Fact]
    public async Task ASilentModemIsPowerCycledWithoutLosingAReading()
    {
        await using Rig rig = await Rig.StartAsync();
        rig.RunUntilAcknowledged(2);

        // A hang that only a power cycle ends: the recovery ladder must climb to the power key.
        rig.World.Modem.Faults.Silence();
        rig.Log.Note("the modem hangs until it is power-cycled");
        rig.RunUntil(() => rig.Session.ModemRecoveries >= 1 && rig.Session.Connections >= 2, "the modem recovered and a new connection", seconds: 45);
        Assert.False(rig.World.Modem.Faults.IsSilent);
        rig.RunUntilAcknowledged(rig.Runner.MessagesAcknowledged + 3, seconds: 20);

        AssertNothingLost(rig);
    }

    [Fact]
    public async Task OnboardingServerErrorsAtBootAreWaitedOutWithoutLosingAReading()
    {
        await using Rig rig = await Rig.StartAsync();

        // 1NCE answers 503 and 500 before it hands out the login: readings taken meanwhile wait in the backlog.
        rig.World.Cloud.Faults.FailNext(2, 503);
        rig.World.Cloud.Faults.FailNext(1, 500);
        rig.RunUntilAcknowledged(3, seconds: 40);

        Assert.Equal(0, rig.World.Cloud.Faults.Pending);
        Assert.Equal(1, rig.Session.Onboardings);
        Assert.Equal(3, rig.World.Cloud.Events.Snapshot().Count(e => e.Kind == CloudEventKind.OnboardingRefused));
        AssertNothingLost(rig);
    }

    [Fact]
    public async Task AFloodOfCommandsIsHandledWhileTelemetryGoesOn()
    {
        await using Rig rig = await Rig.StartAsync();
        rig.RunUntilAcknowledged(1);
        const int Flood = 25;

        // The cloud sends commands back to back while the device is busy publishing. Each is handled and answered: at
        // QoS 1 while the in-flight window has a slot free beyond the one telemetry needs, at QoS 0 when it has not
        // (docs/faults.md: the window is shared with telemetry, which the flood must not starve).
        var sending = Task.WhenAll(Enumerable.Range(0, Flood).Select(_ => rig.World.SendCommandAsync("ping", "{}", TestContext.Current.CancellationToken)));
        rig.RunUntil(() => sending.IsCompleted, "the cloud to send every command", seconds: 60);
        Assert.All(await sending, status => Assert.Equal(HttpStatusCode.OK, status));
        rig.RunUntil(() => rig.Runner.CommandsHandled == Flood, $"{Flood} commands handled", seconds: 60);
        rig.RunUntil(() => rig.World.ReceivedOn("replies/ping").Count >= Flood, $"{Flood} replies", seconds: 30);
        rig.RunUntilAcknowledged(rig.Runner.MessagesAcknowledged + 3, seconds: 20);

        int replies = rig.World.ReceivedOn("replies/ping").Count;
        int atQos0 = rig.Log.Lines.Count(l => l.Contains("command ping answered at QoS 0", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"flood: {Flood} commands, {Flood} handled, {replies} replies received, {atQos0} of them at QoS 0 (window full)");
        Assert.Equal(Flood, replies);
        Assert.DoesNotContain(rig.Log.Lines, l => l.Contains("not sent", StringComparison.Ordinal));
        Assert.Equal(0, rig.Session.ConnectionsLost);
        AssertNothingLost(rig);
    }

    private static void AssertNothingLost(Rig rig)
    {
        ReadingLedger ledger = ReadingLedger.Of(rig);
        rig.Log.Note(ledger.ToString());
        TestContext.Current.TestOutputHelper?.WriteLine("ledger " + ledger);
        Assert.True(ledger.Lost == 0 && ledger.Duplicated == 0 && ledger.Dropped == 0, ledger.ToString());
        Assert.True(ledger.Delivered >= 3, ledger.ToString());
    }
}
