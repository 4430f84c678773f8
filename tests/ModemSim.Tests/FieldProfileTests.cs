using CellularIot.ModemSim.Tests.Support;
using Xunit;

namespace CellularIot.ModemSim.Tests;

/// <summary>The field profile plays what field modules do, each class on the wire as the firmware will meet it.</summary>
public sealed class FieldProfileTests
{
    private static ModemSimOptions Field => SimHarness.Fast with { Profile = ModemProfile.Field, BootUrcIntervalMs = 1000 };

    [Fact]
    public void BootsWithNoiseAndABusySimUntilItsReadyLine()
    {
        using var h = new SimHarness(Field);
        h.Simulator.PowerKey.Pulse(h.Simulator.PowerKeyMinPulseMs);
        h.Port.Expect([0x00, 0xFF, 0xFE, 0x00, 0xF8, 0x80, 0x00, .. "\r\n+CF"u8, 0xFF, 0x00, .. "\r\nRDY\r\n"u8]);
        h.Command("ATE0", Dialect.Ok);
        h.Command("AT+CMEE=2", Dialect.Ok);
        h.Command("AT+CPIN?", Dialect.Line("+CME ERROR: SIM busy"));
        h.Command("AT+CCID", Dialect.Line("+CME ERROR: SIM busy"));
        h.Port.ReadUntil("+CPIN: READY\r\n");
        h.Command("AT+CPIN?", Dialect.Line("+CPIN: READY") + Dialect.Ok);
        h.Command("AT+CCID", Dialect.Line("DST: 0") + Dialect.Line(h.Simulator.Options.Iccid) + Dialect.Ok);
    }

    [Fact]
    public void ReportsNetworkTimeWithLinesWithoutAPlusAndAClockWithoutZone()
    {
        using var h = new SimHarness(Field with { BootUrcIntervalMs = 2 });
        Boot(h);
        h.Command("AT+CLTS=1", Dialect.Ok);
        string lines = h.Port.ReadUntil("+CTZV: ");
        Assert.Contains("\r\n*PSUTTZ: ", lines, StringComparison.Ordinal);
        Assert.Contains("\r\nDST: 0\r\n", lines, StringComparison.Ordinal);
        string clock = h.Query("AT+CCLK?");
        Assert.Matches("\\+CCLK: \"\\d\\d/\\d\\d/\\d\\d,\\d\\d:\\d\\d:\\d\\d\"", clock);
    }

    [Fact]
    public void RefusesReadsAbove512ContextsAbove5AndInputTimesOfTenSeconds()
    {
        using var h = new SimHarness(Field with { BootUrcIntervalMs = 2 });
        Boot(h);
        h.Command("AT+CSSLCFG=\"sni\",6,\"h\"", Dialect.Line("+CME ERROR: incorrect parameters"));
        h.Command("AT+CSSLCFG=\"sni\",5,\"h\"", Dialect.Ok);
        h.Command("AT+CASSLCFG=0,\"CRINDEX\",6", Dialect.Line("+CME ERROR: incorrect parameters"));
        h.Command("AT+CFSINIT", Dialect.Ok);
        h.Command("AT+CFSWFILE=3,\"a\",0,3,10000", Dialect.Line("+CME ERROR: incorrect parameters"));
        h.Command("AT+CARECV=0,513", Dialect.Error);
    }

    // The whole field boot, noise included, then echo off and verbose errors.
    private static void Boot(SimHarness h)
    {
        h.Simulator.PowerKey.Pulse(h.Simulator.PowerKeyMinPulseMs);
        h.Port.ReadUntil("SMS Ready\r\n");
        h.Command("ATE0", Dialect.Ok);
        h.Command("AT+CMEE=2", Dialect.Ok);
    }
}
