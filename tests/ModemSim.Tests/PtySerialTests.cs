using System.Runtime.Versioning;
using System.Text;
using CellularIot.Host;
using CellularIot.ModemSim.Tests.Support;
using Xunit;

namespace CellularIot.ModemSim.Tests;

/// <summary>The simulator on a real pty master, the host's System.IO.Ports link on the slave: the PC runner's path.</summary>
[SupportedOSPlatform("linux")]
public sealed class PtySerialTests
{
    [Fact]
    public void BootEchoAndFilesOverThePty()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "A pty needs Linux.");
        using var pty = PtyPair.Open();
        Assert.StartsWith("/dev/pts/", pty.SlavePath, StringComparison.Ordinal);
        using var simulator = new ModemSimulator(pty.Master, SimHarness.Fast);
        using var serial = new SerialLink(pty.SlavePath);
        var port = new AtPort(serial);

        port.Send("AT\r");
        port.ExpectSilence(100);
        simulator.PowerKey.Pulse(simulator.PowerKeyMinPulseMs);
        port.Expect(Dialect.Boot);
        port.Send("AT\r");
        port.Expect("AT\r" + Dialect.Ok);
        port.Send("ATE0\r");
        port.Expect("ATE0\r" + Dialect.Ok);
        port.Send("AT+CMEE=2\r");
        port.Expect(Dialect.Ok);
        port.Send("AT+CPIN?\r");
        port.Expect(Dialect.Line("+CPIN: READY") + Dialect.Ok);

        // Every byte value crosses the pty untouched: raw mode, no CR/LF translation, no flow control characters.
        byte[] binary = [.. Enumerable.Range(0, 256).Select(i => (byte)i), .. Enumerable.Range(0, 256).Select(i => (byte)(255 - i))];
        port.Send("AT+CFSINIT\r");
        port.Expect(Dialect.Ok);
        port.Send($"AT+CFSWFILE=3,\"bin\",0,{binary.Length},5000\r");
        port.Expect(Dialect.Line("DOWNLOAD"));
        port.Send(binary);
        port.Expect(Dialect.Ok);
        port.Send($"AT+CFSRFILE=3,\"bin\",0,{binary.Length},0\r");
        port.Expect([.. Encoding.ASCII.GetBytes(Dialect.Line($"+CFSRFILE: {binary.Length}")), .. binary, .. Encoding.ASCII.GetBytes(Dialect.Ok)]);
        Assert.Equal(binary, simulator.Files.ReadFile("bin"));
        Assert.Null(simulator.InternalError);
    }

    [Fact]
    public void TlsRoundTripOverThePty()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "A pty needs Linux.");
        using var world = new TlsWorld(requiredSni: TlsWorld.Host);
        using var pty = PtyPair.Open();
        using var simulator = new ModemSimulator(pty.Master, world.Options() with { StartPoweredOn = true, BootDelayMs = 200 });
        using var serial = new SerialLink(pty.SlavePath, 921600);
        var port = new AtPort(serial);
        port.Expect(Dialect.Boot);
        string[] setup =
        [
            "ATE0", "AT+CMEE=2", "AT+CLTS=1", "AT+CFSINIT",
        ];
        port.Send("ATE0\r");
        port.Expect("ATE0\r" + Dialect.Ok);
        foreach (string command in setup[1..])
        {
            port.Send(command + "\r");
            port.Expect(Dialect.Ok);
        }

        byte[] ca = Encoding.ASCII.GetBytes(world.CaPem);
        port.Send($"AT+CFSWFILE=3,\"ca.pem\",0,{ca.Length},5000\r");
        port.Expect(Dialect.Line("DOWNLOAD"));
        port.Send(ca);
        port.Expect(Dialect.Ok);
        foreach (string command in new[]
        {
            "AT+CFSTERM", "AT+CSSLCFG=\"sslversion\",0,3", "AT+CSSLCFG=\"convert\",2,\"ca.pem\"", $"AT+CSSLCFG=\"sni\",0,\"{TlsWorld.Host}\"",
            "AT+CASSLCFG=0,\"SSL\",1", "AT+CASSLCFG=0,\"CACERT\",\"ca.pem\"",
        })
        {
            port.Send(command + "\r");
            port.Expect(Dialect.Ok);
        }

        SimHarness.Eventually(() => simulator.RegistrationStatus == 5, "registration");
        port.Send("AT+CNACT=0,1\r");
        port.Expect(Dialect.Ok + Dialect.Line("+APP PDP: 0,ACTIVE"));
        port.Send($"AT+CAOPEN=0,0,\"TCP\",\"{TlsWorld.Host}\",443\r");
        port.Expect(Dialect.Ok + Dialect.Line("+CAOPEN: 0,0"));
        Assert.Equal(TlsWorld.Host, world.Server.NextSession().Sni);
        port.Send("AT+CASEND=0,11\r");
        port.Expect("\r\n> ");
        port.Send("hello\r\nOK\r\n");
        port.Expect(Dialect.Ok + Dialect.Line("+CADATAIND: 0"));
        port.Send("AT+CARECV=0,1460\r");
        port.Expect("\r\n+CARECV: 11,hello\r\nOK\r\n" + Dialect.Ok);
        Assert.Null(simulator.InternalError);
    }
}
