using CellularIot.ModemSim.Tests.Support;
using Xunit;

namespace CellularIot.ModemSim.Tests;

public sealed class GeneralCommandTests
{
    [Fact]
    public void EchoIsOnUntilAte0()
    {
        using var h = new SimHarness();
        h.PowerUp();
        h.Port.Send("AT\r");
        h.Port.Expect("AT\r" + Dialect.Ok);
        h.Port.Send("ATE0\r");
        h.Port.Expect("ATE0\r" + Dialect.Ok);
        h.Port.Send("AT\r");
        h.Port.Expect(Dialect.Ok);
        h.Port.Send("ATE1\r");
        h.Port.Expect(Dialect.Ok);
        h.Port.Send("at\r");
        h.Port.Expect("at\r" + Dialect.Ok);
        Assert.True(h.Simulator.EchoEnabled);
    }

    [Fact]
    public void CmeeModesFormatErrors()
    {
        using var h = new SimHarness();
        h.PowerUp();
        h.Command("ATE0", Dialect.Ok);
        h.Simulator.Faults.SetSimMissing(true);
        h.Command("AT+CPIN?", Dialect.Error);
        h.Command("AT+CMEE=1", Dialect.Ok);
        h.Command("AT+CPIN?", Dialect.Line("+CME ERROR: 10"));
        h.Command("AT+CMEE=2", Dialect.Ok);
        h.Command("AT+CPIN?", Dialect.Line("+CME ERROR: SIM not inserted"));
        h.Command("AT+CMEE?", Dialect.Line("+CMEE: 2") + Dialect.Ok);
        h.Command("AT+CMEE=3", Dialect.Line("+CME ERROR: incorrect parameters"));
    }

    [Fact]
    public void IdentityAndStatus()
    {
        using var h = new SimHarness(SimHarness.Fast with { Iccid = "8988228066601234567", Imei = "867530012345678", SignalRssi = 17 });
        h.Start();
        h.Command("AT+CCID", Dialect.Line("8988228066601234567") + Dialect.Ok);
        h.Command("AT+CGSN", Dialect.Line("867530012345678") + Dialect.Ok);
        h.Command("AT+CGMR", Dialect.Line("Revision:1951B17SIM7080") + Dialect.Ok);
        h.Command("AT+CPIN?", Dialect.Line("+CPIN: READY") + Dialect.Ok);
        h.Command("AT+CSQ", Dialect.Line("+CSQ: 17,99") + Dialect.Ok);
        h.Command("AT+CNMP=38", Dialect.Ok);
        h.Command("AT+CMNB=1", Dialect.Ok);
        h.Command("AT+CGDCONT=1,\"IP\",\"iot.1nce.net\"", Dialect.Ok);
        h.Command("AT+CNCFG=0,1,\"iot.1nce.net\"", Dialect.Ok);
        h.Command("AT+CNMP?", Dialect.Line("+CNMP: 38") + Dialect.Ok);
    }

    [Fact]
    public void SeveralCommandsOnOneLineAnswerOnceAndStopAtTheFirstError()
    {
        using var h = new SimHarness();
        h.Start();
        int lines = h.Simulator.CommandCount;
        h.Command("AT+CMEE=1;+CNMP=38;+CGDCONT=1,\"IP\",\"a;b\"", Dialect.Ok);
        h.Command("AT+CMEE?;+CNMP?", Dialect.Line("+CMEE: 1") + Dialect.Line("+CNMP: 38") + Dialect.Ok);
        h.Command("AT+CNMP=2;+CNMP=7;+CMNB=2", Dialect.Line("+CME ERROR: 50"));
        h.Command("AT+CNMP?;+CMNB?", Dialect.Line("+CNMP: 2") + Dialect.Line("+CMNB: 3") + Dialect.Ok);
        Assert.Equal(lines + 4, h.Simulator.CommandCount);
    }

    [Fact]
    public void UnknownCommandsAndBadParametersFail()
    {
        using var h = new SimHarness();
        h.Start();
        h.Command("AT+NOSUCH", Dialect.Error);
        h.Command("AT+CSQ?", Dialect.Error);
        h.Command("AT+CNMP=7", Dialect.Line("+CME ERROR: incorrect parameters"));
        h.Command("AT+CEREG=\"1\"", Dialect.Line("+CME ERROR: incorrect parameters"));
    }

    [Fact]
    public void LinesNotStartingWithAtAreEchoedButNotAnswered()
    {
        using var h = new SimHarness();
        h.PowerUp();
        h.Port.Send("XYZ\r");
        h.Port.Expect("XYZ\r");
        h.Port.ExpectSilence(50);
        Assert.Equal(0, h.Simulator.CommandCount);
    }

    [Fact]
    public void OverlongLineIsAnsweredErrorAndTheNextLineWorks()
    {
        using var h = new SimHarness(SimHarness.Fast with { MaxLineLength = 32 });
        h.Start();
        h.Port.Send("AT+CSQ" + new string('1', 100) + "\r");
        h.Port.Expect(Dialect.Error);
        h.Command("AT", Dialect.Ok);
    }

    [Fact]
    public void LineFeedsAreIgnored()
    {
        using var h = new SimHarness();
        h.Start();
        h.Port.Send("AT\r\n");
        h.Port.Expect(Dialect.Ok);
        h.Port.Send("\nAT+CSQ\r\n");
        h.Port.Expect(Dialect.Line("+CSQ: 20,99") + Dialect.Ok);
    }

    [Fact]
    public void TrafficLogAndCommandCountRecordBothDirections()
    {
        using var h = new SimHarness();
        var seen = new List<AtTrafficEntry>();
        h.Simulator.Traffic.EntryAdded += (_, e) =>
        {
            lock (seen)
            {
                seen.Add(e.Entry);
            }
        };
        h.Start();
        h.Command("AT+CSQ", Dialect.Line("+CSQ: 20,99") + Dialect.Ok);
        Assert.Equal(3, h.Simulator.CommandCount);
        IReadOnlyList<AtTrafficEntry> log = h.Simulator.Traffic.Entries;
        Assert.Contains(log, e => e.Direction == TrafficDirection.ToModem && e.Text == "AT+CSQ\\r");
        Assert.Contains(log, e => e.Direction == TrafficDirection.FromModem && e.Text == "\\r\\nRDY\\r\\n");
        Assert.Contains(log, e => e.Direction == TrafficDirection.FromModem && e.Text == "\\r\\n+CSQ: 20,99\\r\\n");
        Assert.True(log.Zip(log.Skip(1)).All(p => p.First.ElapsedMs <= p.Second.ElapsedMs));
        Assert.Equal("AT+CSQ\r".Length + "ATE0\r".Length + "AT+CMEE=2\r".Length, h.Simulator.Traffic.BytesToModem);
        lock (seen)
        {
            Assert.Equal(log.Count, seen.Count);
        }
    }
}
