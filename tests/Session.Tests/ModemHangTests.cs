using CellularIot.Cloud.Session;
using CellularIot.Session.Tests.Support;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>A modem that stops answering while online: the session climbs the recovery ladder to a power cycle and goes on.</summary>
public sealed class ModemHangTests
{
    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task AHungModemIsPowerCycledAndTheSessionRestored(Transport transport)
    {
        // Short AT and boot timeouts: each rung of the ladder waits one of them out.
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup
        {
            Transport = transport,
            Driver = d =>
            {
                d.CommandTimeoutMs = 400;
                d.ReceiveCommandTimeoutMs = 400;
                d.SendTimeoutMs = 1000;
                d.BootTimeoutMs = 800;
                d.SocketOpenTimeoutMs = 3000;
            },
        });
        var publisher = new SequencePublisher(rig);
        rig.RunUntilOnline();
        rig.RunUntil(() => publisher.Published >= 10, "messages before the hang", eachStep: publisher.Step);

        // Hung until power is cut: neither the AT probe nor AT+CFUN=1,1 gets an answer.
        rig.Simulator.Faults.Silence();
        int beforeHang = publisher.Published;
        rig.RunUntil(
            () => rig.Session.Connections == 2 && rig.Session.IsOnline && publisher.Published >= beforeHang + 10,
            "the modem power-cycled, a new connection and messages on it",
            timeoutMs: 30_000,
            eachStep: publisher.Step);
        publisher.Drain();

        Assert.False(rig.Simulator.Faults.IsSilent);
        Assert.Equal(1, rig.Session.ModemRecoveries);
        Assert.True(rig.Log.Contains("modem recovery: PowerCycle"), "the ladder went up to the power cycle");
        Assert.Contains(rig.Recorder.DetailsOf(SessionState.Waiting), d => d.Contains("recovering the modem", StringComparison.Ordinal));
        Assert.Equal(1, rig.Session.Onboardings);
        publisher.AssertEveryMessageArrived();
    }
}
