using System.Text;
using CellularIot.ModemSim.Tests.Support;
using Xunit;

namespace CellularIot.ModemSim.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public void GarbledOutputBytes()
    {
        using var h = new SimHarness();
        h.Start();
        h.Simulator.Faults.GarbleOutput(2, skip: 2);
        h.Port.Send("AT\r");
        h.Port.Expect([.. "\r\n"u8, (byte)('O' ^ 0x5A), (byte)('K' ^ 0x5A), .. "\r\n"u8]);
        h.Command("AT", Dialect.Ok);
    }

    [Fact]
    public void DroppedOutputBytes()
    {
        using var h = new SimHarness();
        h.Start();
        h.Simulator.Faults.DropOutput(8, skip: 2);
        h.Port.Send("AT+CSQ\r");
        h.Port.Expect("\r\n,99\r\n\r\nOK\r\n");
        h.Command("AT", Dialect.Ok);
    }

    [Fact]
    public void UrcInTheMiddleOfAResponse()
    {
        using var h = new SimHarness();
        h.Start();
        h.Simulator.Faults.InjectUrcInNextResponse("+CEREG: 5");
        h.Command("AT+CSQ", Dialect.Line("+CSQ: 20,99") + Dialect.Line("+CEREG: 5") + Dialect.Ok);
        h.Command("AT+CSQ", Dialect.Line("+CSQ: 20,99") + Dialect.Ok);
    }

    [Fact]
    public void UrcBetweenRawDataAndOk()
    {
        using var h = new SimHarness();
        h.Start();
        h.UploadFile("f", "abc"u8.ToArray());
        h.Command("AT+CFSINIT", Dialect.Ok);
        h.Simulator.Faults.InjectUrcInNextResponse("+CADATAIND: 0");
        h.Command("AT+CFSRFILE=3,\"f\",0,3,0", Dialect.Line("+CFSRFILE: 3") + "abc" + Dialect.Line("+CADATAIND: 0") + Dialect.Ok);
    }

    [Fact]
    public void RebootInTheMiddleOfACommandLosesSocketsAndPdp()
    {
        using var plain = new EchoServer();
        using var h = new SimHarness();
        h.Start();
        h.AttachNetwork();
        h.Open(0, "127.0.0.1", plain.Port);
        ServerSession session = plain.NextSession();
        h.Simulator.Faults.RebootDuringNextCommand("+CSQ");
        h.Command("AT", Dialect.Ok);
        h.Port.Send("AT+CSQ\r");
        h.Port.Expect(Dialect.Boot);
        Assert.True(session.WaitEnded(3000), "The socket's TCP connection must close.");
        Assert.False(h.Simulator.PdpActive);
        Assert.True(h.Simulator.Sockets[0].IsClosed);
        h.Echo = true;
        h.Command("AT", Dialect.Ok);
        h.Command("AT+CARECV=0,10", Dialect.Error);
        h.Command("AT+CNACT?", Dialect.Line("+CNACT: 0,0,\"0.0.0.0\"") + Dialect.Line("+CNACT: 1,0,\"0.0.0.0\"") + Dialect.Line("+CNACT: 2,0,\"0.0.0.0\"") + Dialect.Line("+CNACT: 3,0,\"0.0.0.0\"") + Dialect.Ok);
    }

    [Fact]
    public void RebootDuringADataPhaseDropsTheRestOfTheData()
    {
        using var h = new SimHarness();
        h.Start();
        h.Command("AT+CFSINIT", Dialect.Ok);
        h.Simulator.Faults.RebootDuringNextCommand("AT+CFSWFILE");
        h.Port.Send("AT+CFSWFILE=3,\"x\",0,3,1000\rabc");
        h.Port.Expect(Dialect.Boot);
        Assert.Null(h.Simulator.Files.ReadFile("x"));
    }

    [Fact]
    public void SilenceForAPeriod()
    {
        using var h = new SimHarness();
        h.Start();
        h.Simulator.Faults.Silence(300);
        Assert.True(h.Simulator.Faults.IsSilent);
        h.Port.Send("AT\r");
        h.Port.ExpectSilence(150);
        SimHarness.Eventually(() => !h.Simulator.Faults.IsSilent, "the end of the hang");
        h.Command("AT", Dialect.Ok);
    }

    [Fact]
    public void IgnoredCommandsGetNoEchoAndNoAnswerThenTheModuleAnswersAgain()
    {
        using var h = new SimHarness();
        h.Start();
        h.Simulator.Faults.IgnoreCommands(2);
        h.Port.Send("AT\r");
        h.Port.Send("AT+CSQ\r");
        h.Port.ExpectSilence(150);
        h.Command("AT", Dialect.Ok);
    }

    [Fact]
    public void SilenceUntilCleared()
    {
        using var h = new SimHarness();
        h.Start();
        h.Simulator.Faults.Silence();
        h.Port.Send("AT\r");
        h.Simulator.Faults.EmitUrc("+CEREG: 5");
        h.Port.ExpectSilence(150);
        h.Simulator.Faults.EndSilence();
        h.Command("AT", Dialect.Ok);
    }

    [Fact]
    public void PowerCycleEndsAHang()
    {
        using var h = new SimHarness();
        h.Start();
        h.Simulator.Faults.Silence();
        h.Simulator.PowerKey.Pulse(20);
        h.Port.ExpectSilence(50);
        h.PowerUp();
        h.Command("AT", Dialect.Ok);
    }

    [Fact]
    public void CmeErrorForAChosenCommand()
    {
        using var h = new SimHarness();
        h.Start();
        h.Simulator.Faults.FailCommand("AT+CSQ", CmeError.Unknown, times: 2);
        h.Command("AT+CSQ", Dialect.Line("+CME ERROR: unknown"));
        h.Command("AT+CMEE=1", Dialect.Ok);
        h.Command("AT+CSQ", Dialect.Line("+CME ERROR: 100"));
        h.Command("AT+CSQ", Dialect.Line("+CSQ: 20,99") + Dialect.Ok);

        h.Simulator.Faults.FailCommand("+CNACT=0,1", CmeError.NoNetworkService, times: -1);
        h.Command("AT+CNACT=0,1", Dialect.Line("+CME ERROR: 30"));
        h.Command("AT+CNACT=0,1", Dialect.Line("+CME ERROR: 30"));
        Assert.False(h.Simulator.PdpActive);
        h.Simulator.Faults.ClearCommandFailures();
        h.WaitRegistered();
        h.Command("AT+CNACT=0,1", Dialect.Ok);
    }

    [Fact]
    public void RegistrationDeniedDropsThePdpContext()
    {
        using var h = new SimHarness();
        h.Start();
        h.AttachNetwork();
        h.Command("AT+CEREG=1", Dialect.Ok);
        h.Simulator.Faults.SetRegistrationDenied(true);
        h.Port.Expect(Dialect.Line("+CEREG: 3") + Dialect.Line("+APP PDP: 0,DEACTIVE"));
        h.Command("AT+CEREG?", Dialect.Line("+CEREG: 1,3") + Dialect.Ok);
        Assert.False(h.Simulator.PdpActive);
        h.Simulator.Faults.SetRegistrationDenied(false);
        h.Port.Expect(Dialect.Line("+CEREG: 5"));
    }

    [Fact]
    public void SimMissingAtRuntimeAndAtBoot()
    {
        using var h = new SimHarness();
        h.Start();
        h.WaitRegistered();
        h.Command("AT+CEREG=1", Dialect.Ok);
        h.Simulator.Faults.SetSimMissing(true);
        h.Port.Expect(Dialect.Line("+CEREG: 0"));
        h.Command("AT+CPIN?", Dialect.Line("+CME ERROR: SIM not inserted"));
        h.Command("AT+CCID", Dialect.Line("+CME ERROR: SIM not inserted"));
        h.Command("AT+CSQ", Dialect.Line("+CSQ: 99,99") + Dialect.Ok);
        h.Command("AT+CFUN=1,1", Dialect.Ok + "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: NOT INSERTED\r\n");
        h.Port.ExpectSilence(50);
        h.Simulator.Faults.SetSimMissing(false);
        h.Echo = true;
        h.Command("AT+CPIN?", Dialect.Line("+CPIN: READY") + Dialect.Ok);
    }

    [Fact]
    public void PdpDeactivatedUrcClosesOpenSockets()
    {
        using var plain = new EchoServer();
        using var h = new SimHarness();
        h.Start();
        h.AttachNetwork();
        h.Open(4, "127.0.0.1", plain.Port);
        ServerSession session = plain.NextSession();
        h.Simulator.Faults.DeactivatePdp();
        h.Port.Expect(Dialect.Line("+APP PDP: 0,DEACTIVE") + Dialect.Line("+CASTATE: 4,0"));
        Assert.True(session.WaitEnded(3000));
        Assert.False(h.Simulator.PdpActive);
        h.Open(5, "127.0.0.1", plain.Port, expectedResult: 21);
    }

    [Fact]
    public void PeerCloseOfASocket()
    {
        using var plain = new EchoServer();
        using var h = new SimHarness();
        h.Start();
        h.AttachNetwork();
        h.Open(7, "127.0.0.1", plain.Port);
        ServerSession session = plain.NextSession();
        Assert.False(h.Simulator.Faults.ClosePeer(6));
        Assert.True(h.Simulator.Faults.ClosePeer(7));
        h.Port.Expect(Dialect.Line("+CASTATE: 7,0"));
        Assert.True(session.WaitEnded(3000), "The server must see the connection close.");
        h.ReceiveData(7, 10, []);
        h.Command("AT+CACLOSE=7", Dialect.Ok);
    }

    [Fact]
    public void EmittedUrc()
    {
        using var h = new SimHarness();
        h.Start();
        h.Simulator.Faults.EmitUrc("+CPIN: NOT READY");
        h.Port.Expect(Dialect.Line("+CPIN: NOT READY"));
        Assert.Equal(Encoding.ASCII.GetBytes(Dialect.Line("+CPIN: NOT READY")), h.Simulator.Traffic.Entries[^1].Bytes.ToArray());
    }
}
