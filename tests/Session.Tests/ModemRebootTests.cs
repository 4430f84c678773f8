using CellularIot.Cloud.Session;
using CellularIot.CloudSim;
using CellularIot.ModemSim;
using CellularIot.Session.Tests.Support;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>The modem restarting on its own while QoS 1 telemetry flows: the session brings it up again and goes on.</summary>
public sealed class ModemRebootTests
{
    [Theory]
    [InlineData(Transport.MqttTls, false)]
    [InlineData(Transport.WebSocket, false)]
    [InlineData(Transport.MqttTls, true)]
    [InlineData(Transport.WebSocket, true)]
    public async Task AModemRebootWhileOnlineIsRecoveredWithoutLosingMessages(Transport transport, bool duringASend)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport });
        var publisher = new SequencePublisher(rig);
        rig.RunUntilOnline();
        rig.RunUntil(() => publisher.Published >= 10, "messages before the reboot", eachStep: publisher.Step);

        // A watchdog reset now, or in the middle of the next AT+CASEND (echoed, never answered).
        if (duringASend)
        {
            rig.Simulator.Faults.RebootDuringNextCommand("+CASEND");
        }
        else
        {
            rig.Simulator.Faults.Reboot();
        }

        int beforeReboot = publisher.Published;
        rig.RunUntil(
            () => rig.Session.Connections == 2 && rig.Session.IsOnline && publisher.Published >= beforeReboot + 10,
            "the modem up again, a new connection and messages on it",
            eachStep: publisher.Step);
        publisher.Drain();

        Assert.True(rig.Log.Contains("modem rebooted unexpectedly"), "the driver saw the reboot");
        Assert.Contains(rig.Recorder.DetailsOf(SessionState.ModemUp), d => d.Contains("rebooted", StringComparison.Ordinal));
        Assert.Equal(PowerState.On, rig.Simulator.Power);
        Assert.True(rig.Simulator.PdpActive);
        Assert.Equal(1, rig.Session.Onboardings);

        // The broker kept the session (clean session off): the new connection is not subscribed again.
        Assert.Single(rig.Events(CloudEventKind.Subscribed));
        publisher.AssertEveryMessageArrived();
    }
}
