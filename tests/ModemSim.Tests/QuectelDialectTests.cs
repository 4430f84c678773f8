using System.Text;
using CellularIot.ModemSim.Tests.Support;
using Xunit;

namespace CellularIot.ModemSim.Tests;

/// <summary>The simulator playing a Quectel BG95/BG96, checked byte for byte against the AT manuals' forms.</summary>
public sealed class QuectelDialectTests
{
    private const string Boot = "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n\r\n+QIND: SMS DONE\r\n\r\nAPP RDY\r\n";

    [Fact]
    public void BootsWithAppRdyAnswersItsIdentityAndPowersDown()
    {
        using var h = new SimHarness(SimHarness.Fast with { Model = ModemModel.Bg95 });
        Start(h);
        h.Command("ATI", Dialect.Line("Quectel") + Dialect.Line("BG95-M3") + Dialect.Line("Revision: BG95M3LAR02A03") + Dialect.Ok);
        h.Command("AT+CGMM", Dialect.Line("BG95-M3") + Dialect.Ok);
        h.Command("AT+CGMR", Dialect.Line("BG95M3LAR02A03") + Dialect.Ok);
        h.Command("AT+QCCID", Dialect.Line("+QCCID: " + h.Simulator.Options.Iccid) + Dialect.Ok);
        h.Command("AT+CPIN?", Dialect.Line("+CPIN: READY") + Dialect.Ok);

        // SIMCom's own commands are unknown to the module.
        h.Command("AT+CCID", Dialect.Error);
        h.Command("AT+CNACT?", Dialect.Error);
        h.Command("AT+QPOWD=1", Dialect.Ok + Dialect.Line("POWERED DOWN"));
        Assert.Equal(PowerState.Off, h.Simulator.Power);
    }

    [Fact]
    public void TheBg96NamesItself()
    {
        using var h = new SimHarness(SimHarness.Fast with { Model = ModemModel.Bg96 });
        Start(h);
        h.Command("AT+CGMM", Dialect.Line("BG96") + Dialect.Ok);
        Assert.Equal("BG96MAR02A07M1G", h.Simulator.Revision);
    }

    [Fact]
    public void UploadsAFileThroughConnectAndReportsItsChecksum()
    {
        using var h = new SimHarness(SimHarness.Fast with { Model = ModemModel.Bg95 });
        Start(h);
        h.Command("AT+QFLST=\"UFS:ca.pem\"", Dialect.Line("+CME ERROR: file not found"));
        h.Command("AT+QFUPL=\"UFS:ca.pem\",3,5", Dialect.Line("CONNECT"));
        h.Port.Send("ABC");
        h.Port.Expect(Dialect.Line("+QFUPL: 3,242") + Dialect.Ok);
        h.Command("AT+QFLST=\"UFS:ca.pem\"", Dialect.Line("+QFLST: \"UFS:ca.pem\",3") + Dialect.Ok);
        h.Command("AT+QFLST=\"*\"", Dialect.Line("+QFLST: \"UFS:ca.pem\",3") + Dialect.Ok);
        h.Command("AT+QFUPL=\"UFS:ca.pem\",3,5", Dialect.Line("+CME ERROR: file already existed"));
        h.Command("AT+QFDEL=\"UFS:ca.pem\"", Dialect.Ok);
        Assert.Empty(h.Simulator.Files.FileNames);
    }

    [Fact]
    public void TlsRoundTripOverAnSslSocketWithSniAndTheUploadedCa()
    {
        using var world = new TlsWorld(requiredSni: TlsWorld.Host);
        using var h = new SimHarness(world.Options() with { Model = ModemModel.Bg95 });
        Start(h);
        Attach(h);
        Upload(h, world.CaPem);
        ConfigureSsl(h, 0);
        h.Command("AT+QSSLOPEN=1,0,0,\"" + TlsWorld.Host + "\",443,0", Dialect.Ok);
        h.Port.Expect(Dialect.Line("+QSSLOPEN: 0,0"));
        ServerSession session = world.Server.NextSession();
        Assert.True(session.HandshakeSucceeded);
        Assert.Equal(TlsWorld.Host, session.Sni);
        Assert.Equal(string.Empty, session.Alpn);

        h.Command("AT+QSSLSEND=0,5", "\r\n> ");
        h.Port.Send("hello");
        h.Port.Expect(Dialect.Line("SEND OK"));
        h.Port.Expect(Dialect.Line("+QSSLURC: \"recv\",0"));
        h.Command("AT+QSSLRECV=0,1500", "\r\n+QSSLRECV: 5\r\nhello\r\n" + Dialect.Ok);
        h.Command("AT+QSSLRECV=0,1500", Dialect.Line("+QSSLRECV: 0") + Dialect.Ok);

        Assert.True(h.Simulator.Faults.ClosePeer(0));
        h.Port.Expect(Dialect.Line("+QSSLURC: \"closed\",0"));
        h.Command("AT+QSSLCLOSE=0", Dialect.Ok);
        Assert.Null(h.Simulator.CurrentSocket(0));
    }

    [Fact]
    public void AnUnverifiableServerFailsTheHandshake()
    {
        using var world = new TlsWorld();
        using var h = new SimHarness(world.Options() with { Model = ModemModel.Bg95 });
        Start(h);
        Attach(h);
        using (var other = TestSupport.TestPki.CreateCa("Other CA"))
        {
            Upload(h, other.ExportCertificatePem());
        }

        ConfigureSsl(h, 0);
        h.Command("AT+QSSLOPEN=1,0,0,\"" + TlsWorld.Host + "\",443,0", Dialect.Ok);
        h.Port.Expect(Dialect.Line("+QSSLOPEN: 0,566"));
    }

    [Fact]
    public void AlpnExistsOnlyOnFirmwareThatHasIt()
    {
        using var world = new TlsWorld();
        using (var h = new SimHarness(world.Options() with { Model = ModemModel.Bg95 }))
        {
            Start(h);
            h.Command("AT+QSSLCFG=\"alpn\",0,\"mqtt\"", Dialect.Line("+CME ERROR: incorrect parameters"));
        }

        using (var h = new SimHarness(world.Options(ModemProfile.Alpn) with { Model = ModemModel.Bg95 }))
        {
            Start(h);
            Attach(h);
            Upload(h, world.CaPem);
            ConfigureSsl(h, 1);
            h.Command("AT+QSSLCFG=\"alpn\",1,\"mqtt\"", Dialect.Ok);
            h.Command("AT+QSSLCFG=\"alpn\",1", Dialect.Line("+QSSLCFG: \"alpn\",1,\"mqtt\"") + Dialect.Ok);
            h.Command("AT+QSSLOPEN=1,1,1,\"" + TlsWorld.Host + "\",443,0", Dialect.Ok);
            h.Port.Expect(Dialect.Line("+QSSLOPEN: 1,0"));
            Assert.Equal("mqtt", world.Server.NextSession().Alpn);
        }
    }

    [Fact]
    public void TheNetworkDroppingTheContextIsReported()
    {
        using var world = new TlsWorld();
        using var h = new SimHarness(world.Options() with { Model = ModemModel.Bg95 });
        Start(h);
        h.Command("AT+QLTS=2", Dialect.Line("+QLTS: \"\"") + Dialect.Ok);
        Attach(h);
        Assert.Matches("^\r\n\\+QLTS: \"20\\d\\d/\\d\\d/\\d\\d,\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d,0\"\r\n\r\nOK\r\n$", h.Query("AT+QLTS=2"));
        h.Simulator.Faults.DeactivatePdp();
        h.Port.Expect(Dialect.Line("+QIURC: \"pdpdeact\",1"));
        h.Command("AT+QIACT?", Dialect.Ok);
    }

    private static void Start(SimHarness h)
    {
        h.Simulator.PowerKey.Pulse(h.Simulator.PowerKeyMinPulseMs);
        h.Port.Expect(Boot);
        h.Command("ATE0", Dialect.Ok);
        h.Command("AT+CMEE=2", Dialect.Ok);
    }

    private static void Attach(SimHarness h)
    {
        h.WaitRegistered();
        h.Command("AT+QICSGP=1,1,\"iot.1nce.net\",\"\",\"\",0", Dialect.Ok);
        h.Command("AT+QIACT=1", Dialect.Ok);
        h.Command("AT+QIACT?", Dialect.Line("+QIACT: 1,1,1,\"" + h.Simulator.Options.PdpAddress + "\"") + Dialect.Ok);
    }

    private static void Upload(SimHarness h, string pem)
    {
        byte[] content = Encoding.ASCII.GetBytes(pem);
        h.Command(SimHarness.Invariant($"AT+QFUPL=\"UFS:ca.pem\",{content.Length},5"), Dialect.Line("CONNECT"));
        h.Port.Send(content);
        h.Port.ReadUntil(Dialect.Ok);
    }

    private static void ConfigureSsl(SimHarness h, int context)
    {
        h.Command(SimHarness.Invariant($"AT+QSSLCFG=\"sslversion\",{context},3"), Dialect.Ok);
        h.Command(SimHarness.Invariant($"AT+QSSLCFG=\"seclevel\",{context},1"), Dialect.Ok);
        h.Command(SimHarness.Invariant($"AT+QSSLCFG=\"cacert\",{context},\"UFS:ca.pem\""), Dialect.Ok);
        h.Command(SimHarness.Invariant($"AT+QSSLCFG=\"sni\",{context},1"), Dialect.Ok);
    }
}
