using CellularIot.Modem.Sim7080;
using CellularIot.Modem.Tests.Support;
using Xunit;

namespace CellularIot.Modem.Tests;

/// <summary>A module that reboots on its own or hangs: detection, and each rung of the recovery ladder.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public void RebootInTheMiddleOfACommandIsDetectedAndPowerOnBringsItBack()
    {
        using var world = new TlsWorld();
        using var rig = TlsSocketTests.Connected(world, out ISecureSocket socket, out ServerConnection server);
        int rebooted = 0;
        int socketClosed = 0;
        rig.Modem.Rebooted += (sender, _) =>
        {
            Assert.Same(rig.Modem, sender);
            Interlocked.Increment(ref rebooted);
        };
        socket.Closed += (_, _) => Interlocked.Increment(ref socketClosed);

        rig.Simulator.Faults.RebootDuringNextCommand("+CSQ");
        Expect.TimedOut(() => rig.Modem.ReadSignalQuality());
        Wait.Until(() => rig.Modem.RebootDetected, "the reboot to be seen");
        Wait.Until(() => Volatile.Read(ref socketClosed) == 1, "the socket's Closed event");
        Assert.Equal(1, rebooted);
        Assert.True(socket.IsClosed);
        var buffer = new byte[16];
        Assert.Throws<SocketClosedException>(() => socket.Receive(buffer, 0, buffer.Length, 100));
        Assert.True(server.WaitEnded(5000), "The module's TCP connection went with the reboot.");

        int pulses = rig.Simulator.PowerKey.TogglePulses;
        rig.Modem.PowerOn();
        Assert.Equal(pulses, rig.Simulator.PowerKey.TogglePulses);
        Assert.False(rig.Modem.RebootDetected);
        Assert.False(rig.Simulator.EchoEnabled);
        Assert.Equal(RegistrationState.Roaming, rig.Modem.WaitForRegistration());
        rig.Modem.ActivateData(Fast.Apn);
        socket.Close();

        ISecureSocket again = rig.Modem.OpenSecureSocket(TlsWorld.Endpoint());
        ServerConnection second = world.Server.NextConnection();
        again.Send("again"u8.ToArray(), 0, 5);
        Assert.Equal("again"u8.ToArray(), second.ReadExactly(5));
        again.Close();
        Assert.Equal(1, rebooted);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void SilenceTimesOutTypedAndTheAtProbeRungBringsItBack()
    {
        using var rig = new ModemRig();
        rig.BringUp();
        rig.Simulator.Faults.IgnoreCommands(1);
        Expect.TimedOut(() => rig.Modem.ReadSignalQuality());
        Assert.Equal(RecoveryStep.AtProbe, rig.Modem.Recover());
        Assert.False(rig.Sent("AT+CFUN=1,1"));
        Assert.True(rig.Simulator.PdpActive, "Nothing was reset.");
        Assert.Equal(20, rig.Modem.ReadSignalQuality().Rssi);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void SilenceThroughTheProbesTakesTheSoftResetRung()
    {
        // Both probes go unanswered and the hang ends there, so AT+CFUN=1,1 really resets.
        Sim7080Settings settings = Fast.Driver();
        settings.ProbeTimeoutMs = 400;
        using var rig = new ModemRig(settings: settings);
        rig.BringUp();
        rig.Simulator.Faults.IgnoreCommands(2);
        Assert.Equal(RecoveryStep.SoftReset, rig.Modem.Recover());
        Assert.True(rig.Sent("AT+CFUN=1,1"));
        Assert.False(rig.Simulator.PdpActive, "The reset took the data context with it.");
        Assert.Equal(1, rig.Simulator.PowerKey.TogglePulses);
        Assert.False(rig.Modem.RebootDetected, "A reset the driver asked for is no surprise.");
        Assert.False(rig.Simulator.EchoEnabled);
        Assert.Equal(20, rig.Modem.ReadSignalQuality().Rssi);
        Assert.Equal(RegistrationState.Roaming, rig.Modem.WaitForRegistration());
        rig.Modem.ActivateData(Fast.Apn);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void AHangOnlyAPowerCycleEndsTakesThePowerKeyRung()
    {
        Sim7080Settings settings = Fast.Driver();
        settings.BootTimeoutMs = 800;
        using var rig = new ModemRig(settings: settings);
        rig.BringUp();
        rig.Simulator.Faults.Silence();
        Expect.TimedOut(() => rig.Modem.ReadSignalQuality());
        Assert.Equal(RecoveryStep.PowerCycle, rig.Modem.Recover());
        Assert.True(rig.Sent("AT+CFUN=1,1"));
        Assert.Equal(3, rig.Simulator.PowerKey.TogglePulses);
        Assert.False(rig.Simulator.Faults.IsSilent);
        Assert.False(rig.Modem.RebootDetected);
        Assert.Equal(20, rig.Modem.ReadSignalQuality().Rssi);
        Assert.Equal(RegistrationState.Roaming, rig.Modem.WaitForRegistration());
        rig.Modem.ActivateData(Fast.Apn);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void RecoverSwitchesOnAModuleThatLostPower()
    {
        // Power cut without a word: nothing answers, the reset goes nowhere, and one press of the key switches it on.
        Sim7080Settings settings = Fast.Driver();
        settings.BootTimeoutMs = 800;
        using var rig = new ModemRig(settings: settings);
        rig.BringUp();
        rig.Simulator.PowerOff();
        Assert.Equal(RecoveryStep.PowerCycle, rig.Modem.Recover());
        Assert.Equal(2, rig.Simulator.PowerKey.TogglePulses);
        Assert.Equal(ModemSim.PowerState.On, rig.Simulator.Power);
        Assert.Equal(RegistrationState.Roaming, rig.Modem.WaitForRegistration());
        rig.Modem.ActivateData(Fast.Apn);
        rig.AssertSimulatorHealthy();
    }
}
