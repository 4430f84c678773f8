using System.Runtime.Versioning;
using CellularIot.Modem.Sim7080;
using CellularIot.Modem.Tests.Support;
using Xunit;

namespace CellularIot.Modem.Tests;

/// <summary>From a switched-off module to an active data context, with identity, signal and network time.</summary>
public sealed class BringUpTests
{
    // Searching long enough that the driver's first poll sees it, then roaming (a 1NCE SIM always roams).
    private static readonly ModemSim.RegistrationStep[] SearchingThenRoaming = [new(2, 600), new(5, 0)];

    [Fact]
    public void BringUpInMemory()
    {
        using var rig = new ModemRig(Fast.Simulator() with { RegistrationScript = SearchingThenRoaming });
        BringUpToData(rig);
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void BringUpOverAPtyAndTheSerialLink()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "A pty needs Linux.");
        using var rig = ModemRig.OverPty(Fast.Simulator() with { RegistrationScript = SearchingThenRoaming });
        Assert.StartsWith("/dev/pts/", rig.SerialPortName, StringComparison.Ordinal);
        BringUpToData(rig);
    }

    [Fact]
    public void ASlowBootsLateSmsReadyIsNotAReboot()
    {
        // A real module prints SMS Ready seconds after RDY, when the driver has long finished its bring-up.
        using var rig = new ModemRig(Fast.Simulator() with { BootUrcIntervalMs = 250 });
        int rebooted = 0;
        rig.Modem.Rebooted += (_, _) => Interlocked.Increment(ref rebooted);
        rig.Modem.PowerOn();
        Wait.Until(() => rig.Traffic.Contains("SMS Ready", StringComparison.Ordinal), "SMS Ready");
        Assert.Equal(20, rig.Modem.ReadSignalQuality().Rssi);
        Assert.False(rig.Modem.RebootDetected);
        Assert.Equal(0, rebooted);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void PowerOffAndOnAgain()
    {
        using var rig = new ModemRig();
        rig.BringUp();
        rig.Modem.PowerOff();
        Assert.Equal(ModemSim.PowerState.Off, rig.Simulator.Power);
        Assert.Contains("NORMAL POWER DOWN", rig.Traffic, StringComparison.Ordinal);
        Assert.Equal(1, rig.Simulator.PowerKey.TogglePulses);

        rig.BringUp();
        Assert.Equal(2, rig.Simulator.PowerKey.TogglePulses);
        Assert.False(rig.Modem.RebootDetected);
        Assert.True(rig.Simulator.PdpActive);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void DataContextDownAndUpAgain()
    {
        using var rig = new ModemRig();
        rig.BringUp();
        rig.Modem.DeactivateData();
        Assert.False(rig.Simulator.PdpActive);
        rig.Modem.ActivateData(Fast.Apn);
        Assert.True(rig.Simulator.PdpActive);
        rig.AssertSimulatorHealthy();
    }

    private static void BringUpToData(ModemRig rig)
    {
        Sim7080Modem modem = rig.Modem;
        Assert.Equal(ModemSim.PowerState.Off, rig.Simulator.Power);

        modem.PowerOn();
        Assert.Equal(1, rig.Simulator.PowerKey.TogglePulses);
        Assert.Equal(ModemSim.PowerState.On, rig.Simulator.Power);
        Assert.False(rig.Simulator.EchoEnabled);
        Assert.False(modem.RebootDetected);
        Assert.Equal(rig.Options.Iccid, modem.Identity.Iccid);
        Assert.Null(modem.Identity.Imei);
        Assert.Null(modem.Identity.FirmwareRevision);
        Assert.False(modem.Capabilities.SupportsAlpn);
        Assert.Equal(6, modem.Capabilities.SocketCount);

        Assert.Equal(RegistrationState.Roaming, modem.WaitForRegistration());
        Assert.Contains("+CEREG: 5", rig.Traffic, StringComparison.Ordinal);
        Assert.Equal(5, rig.Simulator.RegistrationStatus);

        Assert.Equal(string.Empty, modem.ActivateData(Fast.Apn));
        Assert.True(rig.Simulator.PdpActive);
        Assert.True(rig.Sent("AT+CNCFG=0,1,\"iot.1nce.net\""));
        Assert.False(rig.Sent("AT+CNACT?"), "+APP PDP: 0,ACTIVE is believed.");

        SignalQuality signal = modem.ReadSignalQuality();
        Assert.Equal(rig.Options.SignalRssi, signal.Rssi);
        Assert.Equal(99, signal.BitErrorRate);
        Assert.Equal(-73, signal.Dbm);

        // The network's clock runs on from the simulator's start; the module reports it to the second, in its zone.
        DateTime expectedUtc = Fast.NetworkTime.UtcDateTime;
        DateTime utc = modem.ReadNetworkTimeUtc();
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.InRange(utc, expectedUtc.AddSeconds(-1), expectedUtc + rig.Age.Elapsed + TimeSpan.FromSeconds(1));
        rig.AssertSimulatorHealthy();
    }
}
