using System.Text.RegularExpressions;
using CellularIot.ModemSim.Tests.Support;
using Xunit;

namespace CellularIot.ModemSim.Tests;

public sealed partial class NetworkTests
{
    private static readonly ModemSimOptions SlowRegistration = SimHarness.Fast with { RegistrationScript = [new(2, 400), new(5, 0)] };

    [Fact]
    public void RegistrationChangesOverTimeSeenByPolling()
    {
        using var h = new SimHarness(SlowRegistration);
        h.Start();
        h.Command("AT+CEREG?", Dialect.Line("+CEREG: 0,2") + Dialect.Ok);
        SimHarness.Eventually(() => h.Simulator.RegistrationStatus == 5, "roaming");
        h.Command("AT+CEREG?", Dialect.Line("+CEREG: 0,5") + Dialect.Ok);
    }

    [Fact]
    public void RegistrationChangesAreReportedByUrc()
    {
        using var h = new SimHarness(SlowRegistration with { RegistrationScript = [new(0, 0), new(2, 300), new(3, 100), new(1, 0)] });
        h.Start();
        h.Command("AT+CEREG=1", Dialect.Ok);
        h.Command("AT+CEREG?", Dialect.Line("+CEREG: 1,2") + Dialect.Ok);
        h.Port.Expect(Dialect.Line("+CEREG: 3"));
        h.Port.Expect(Dialect.Line("+CEREG: 1"));
        h.Command("AT+CEREG?", Dialect.Line("+CEREG: 1,1") + Dialect.Ok);
        h.Command("AT+CEREG=2", Dialect.Ok);
        h.Command("AT+CEREG?", Dialect.Line("+CEREG: 2,1,\"1A2B\",\"01A2D303\",7") + Dialect.Ok);
    }

    [Fact]
    public void RadioOffAndOnRestartsTheScript()
    {
        using var h = new SimHarness(SlowRegistration with { RegistrationScript = [new(2, 100), new(5, 0)] });
        h.Start();
        h.WaitRegistered();
        h.Command("AT+CEREG=1", Dialect.Ok);
        h.Command("AT+CFUN=0", Dialect.Ok + Dialect.Line("+CEREG: 0"));
        h.Command("AT+CSQ", Dialect.Line("+CSQ: 99,99") + Dialect.Ok);
        h.Command("AT+CFUN=1", Dialect.Ok + Dialect.Line("+CEREG: 2"));
        h.Port.Expect(Dialect.Line("+CEREG: 5"));
    }

    [Fact]
    public void PdpActivationReportsActiveAndAddress()
    {
        using var h = new SimHarness();
        h.Start();
        h.WaitRegistered();
        h.Command("AT+CNACT?", Dialect.Line("+CNACT: 0,0,\"0.0.0.0\"") + Dialect.Line("+CNACT: 1,0,\"0.0.0.0\"") + Dialect.Line("+CNACT: 2,0,\"0.0.0.0\"") + Dialect.Line("+CNACT: 3,0,\"0.0.0.0\"") + Dialect.Ok);
        h.Command("AT+CNACT=0,1", Dialect.Ok);
        h.Port.Expect(Dialect.Line("+APP PDP: 0,ACTIVE"));
        Assert.True(h.Simulator.PdpActive);
        h.Command("AT+CNACT?", Dialect.Line("+CNACT: 0,1,\"10.1.2.3\"") + Dialect.Line("+CNACT: 1,0,\"0.0.0.0\"") + Dialect.Line("+CNACT: 2,0,\"0.0.0.0\"") + Dialect.Line("+CNACT: 3,0,\"0.0.0.0\"") + Dialect.Ok);
        h.Command("AT+CNACT=0,1", Dialect.Line("+CME ERROR: operation not allowed"));
        h.Command("AT+CNACT=0,0", Dialect.Ok + Dialect.Line("+APP PDP: 0,DEACTIVE"));
        Assert.False(h.Simulator.PdpActive);
    }

    [Fact]
    public void PdpActivationFailsWhileNotRegistered()
    {
        using var h = new SimHarness(SlowRegistration with { RegistrationScript = [new(2, 0)] });
        h.Start();
        h.Command("AT+CNACT=0,1", Dialect.Ok);
        h.Port.Expect(Dialect.Line("+APP PDP: 0,DEACTIVE"));
        Assert.False(h.Simulator.PdpActive);
    }

    [Fact]
    public void ClockRunsFrom1980UntilNetworkTimeIsTaken()
    {
        var network = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2));
        using var h = new SimHarness(SimHarness.Fast with { NetworkTime = network });
        h.Start();
        h.WaitRegistered();
        Assert.Matches(CclkPattern("80/01/06,00:00:0\\d\\+00"), h.Query("AT+CCLK?"));
        h.Command("AT+CLTS=1", Dialect.Ok);
        Assert.Matches(CclkPattern("24/05/01,12:00:0\\d\\+08"), h.Query("AT+CCLK?"));
        Assert.InRange(h.Simulator.ModemTime - network, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        h.Command("AT+CCLK=\"25/12/31,23:59:50-20\"", Dialect.Ok);
        Assert.Matches(CclkPattern("25/12/31,23:59:5\\d-20"), h.Query("AT+CCLK?"));
    }

    [Fact]
    public void CltsBeforeRegistrationTakesTimeOnRegistration()
    {
        var network = new DateTimeOffset(2030, 1, 2, 3, 4, 0, TimeSpan.FromHours(-5));
        using var h = new SimHarness(SlowRegistration with { NetworkTime = network });
        h.Start();
        h.Command("AT+CLTS=1", Dialect.Ok);
        Assert.Matches(CclkPattern("80/01/06,00:00:0\\d\\+00"), h.Query("AT+CCLK?"));
        h.WaitRegistered();
        Assert.Matches(CclkPattern("30/01/02,03:04:0\\d-20"), h.Query("AT+CCLK?"));
    }

    private static Regex CclkPattern(string time) => new("^\\r\\n\\+CCLK: \"" + time + "\"\\r\\n\\r\\nOK\\r\\n$", RegexOptions.None, TimeSpan.FromSeconds(1));
}
