using CellularIot.ModemSim.Tests.Support;
using Xunit;

namespace CellularIot.ModemSim.Tests;

public sealed class PowerTests
{
    [Fact]
    public void OffModuleIsSilentAndIgnoresInput()
    {
        using var h = new SimHarness();
        h.Port.Send("AT\r");
        h.Port.ExpectSilence(100);
        Assert.Equal(PowerState.Off, h.Simulator.Power);
        Assert.Equal(0, h.Simulator.CommandCount);
    }

    [Fact]
    public void ShortPulseDoesNothingLongPulseBoots()
    {
        using var h = new SimHarness();
        h.Simulator.PowerKey.Pulse(5);
        h.Port.ExpectSilence(60);
        Assert.Equal(PowerState.Off, h.Simulator.Power);

        h.Simulator.PowerKey.Pulse(20);
        h.Port.Expect(Dialect.Boot);
        Assert.Equal(PowerState.On, h.Simulator.Power);
        h.Command("AT", Dialect.Ok);
        Assert.Equal(1, h.Simulator.PowerKey.TogglePulses);
    }

    [Fact]
    public void InputBeforeReadyIsIgnored()
    {
        using var h = new SimHarness(SimHarness.Fast with { BootDelayMs = 300 });
        h.Simulator.PowerKey.Pulse(20);
        Assert.Equal(PowerState.Booting, h.Simulator.Power);
        h.Port.Send("AT\r");
        h.Port.Expect(Dialect.Boot, 2000);
        h.Port.ExpectSilence(50);
    }

    [Fact]
    public void SecondPulsePowersDownWithNotice()
    {
        using var h = new SimHarness();
        h.PowerUp();
        h.Simulator.PowerKey.Pulse(20);
        h.Port.Expect(Dialect.PowerDown);
        h.Port.Send("AT\r");
        h.Port.ExpectSilence(80);
        Assert.Equal(PowerState.Off, h.Simulator.Power);
    }

    [Fact]
    public void CpowdPowersDownWithoutOk()
    {
        using var h = new SimHarness();
        h.Start();
        h.Command("AT+CPOWD=1", Dialect.PowerDown);
        h.Port.ExpectSilence(50);
        Assert.Equal(PowerState.Off, h.Simulator.Power);
    }

    [Fact]
    public void CfunResetAnswersOkThenBootsWithEchoBackOn()
    {
        using var h = new SimHarness();
        h.Start();
        h.AttachNetwork();
        h.Command("AT+CFUN=1,1", Dialect.Ok + Dialect.Boot);
        Assert.False(h.Simulator.PdpActive);
        h.Echo = true;
        h.Command("AT", Dialect.Ok);
        h.Command("AT+CMEE?", Dialect.Line("+CMEE: 0") + Dialect.Ok);
    }

    [Fact]
    public void PowerOffApiCutsPowerWithoutNotice()
    {
        using var h = new SimHarness();
        h.PowerUp();
        h.Simulator.PowerOff();
        h.Port.ExpectSilence(50);
        h.Simulator.PowerOn();
        h.Port.Expect(Dialect.Boot);
    }

    [Fact]
    public void StartPoweredOnBootsWithoutTheKey()
    {
        using var h = new SimHarness(SimHarness.Fast with { StartPoweredOn = true });
        h.Port.Expect(Dialect.Boot);
        h.Command("AT", Dialect.Ok);
    }
}
