using System.Net;
using System.Net.Sockets;
using CellularIot.ModemSim.Tests.Support;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.ModemSim.Tests;

public sealed class OpenResultTests
{
    [Fact]
    public void UntrustedCaIs27()
    {
        using var world = new TlsWorld();
        using var other = TestPki.CreateCa("Some Other CA");
        using var h = new SimHarness(world.Options());
        h.Start();
        h.AttachNetwork();
        h.ConfigureTls(0, other.ExportCertificatePem(), TlsWorld.Host);
        h.Open(0, TlsWorld.Host, 443, expectedResult: 27);
        Assert.Equal(27, h.Simulator.Sockets[0].OpenResult);
        Assert.True(h.Simulator.Sockets[0].IsClosed);
        Assert.Null(h.Simulator.CurrentSocket(0));
    }

    [Fact]
    public void NameMismatchIs25()
    {
        using var ca = TestPki.CreateCa("Test Root CA");
        using var world = new TlsWorld(TestPki.CreateServer(ca, "other.test"), ca: ca);
        using var h = new SimHarness(world.Options());
        h.Start();
        h.AttachNetwork();
        h.ConfigureTls(0, world.CaPem, TlsWorld.Host);
        h.Open(0, TlsWorld.Host, 443, expectedResult: 25);
    }

    [Fact]
    public void ExpiredCertificateIs24()
    {
        using var ca = TestPki.CreateCa("Test Root CA");
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using var world = new TlsWorld(TestPki.CreateServer(ca, TlsWorld.Host, now.AddDays(-10), now.AddDays(-1)), ca: ca);
        using var h = new SimHarness(world.Options());
        h.Start();
        h.AttachNetwork();
        h.ConfigureTls(0, world.CaPem, TlsWorld.Host);
        h.Open(0, TlsWorld.Host, 443, expectedResult: 24);
    }

    [Fact]
    public void NotYetValidAndWrongNameIs26()
    {
        using var ca = TestPki.CreateCa("Test Root CA");
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using var world = new TlsWorld(TestPki.CreateServer(ca, "other.test", now.AddDays(2), now.AddDays(10)), ca: ca);
        using var h = new SimHarness(world.Options());
        h.Start();
        h.AttachNetwork();
        h.ConfigureTls(0, world.CaPem, TlsWorld.Host);
        h.Open(0, TlsWorld.Host, 443, expectedResult: 26);
    }

    [Fact]
    public void ClockNeverSetMakesEveryCertificateNotYetValid()
    {
        using var world = new TlsWorld();
        using var h = new SimHarness(world.Options());
        h.Start();
        h.WaitRegistered();
        h.Command("AT+CNACT=0,1", Dialect.Ok);
        h.Port.Expect(Dialect.Line("+APP PDP: 0,ACTIVE"));
        h.ConfigureTls(0, world.CaPem, TlsWorld.Host);
        h.Open(0, TlsWorld.Host, 443, expectedResult: 24);
    }

    [Fact]
    public void TlsWithoutConvertedCaIs27()
    {
        using var world = new TlsWorld();
        using var h = new SimHarness(world.Options());
        h.Start();
        h.AttachNetwork();
        h.UploadFile("ca.pem", System.Text.Encoding.ASCII.GetBytes(world.CaPem));
        h.Command("AT+CASSLCFG=0,\"SSL\",1", Dialect.Ok);
        h.Command("AT+CASSLCFG=0,\"CACERT\",\"ca.pem\"", Dialect.Ok);
        h.Open(0, TlsWorld.Host, 443, expectedResult: 27);
    }

    [Fact]
    public void ConvertRejectsMissingAndNonPemFiles()
    {
        using var h = new SimHarness();
        h.Start();
        h.Command("AT+CSSLCFG=\"convert\",2,\"none.pem\"", Dialect.Error);
        h.UploadFile("junk.pem", "not a certificate"u8.ToArray());
        h.Command("AT+CSSLCFG=\"convert\",2,\"junk.pem\"", Dialect.Error);
        Assert.False(h.Simulator.Files.IsConverted("junk.pem"));
        h.Command("AT+CSSLCFG=\"bogus\",0,1", Dialect.Line("+CME ERROR: incorrect parameters"));
    }

    [Fact]
    public void RefusedConnectionIs23()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var h = new SimHarness();
        h.Start();
        h.AttachNetwork();
        h.Open(0, "127.0.0.1", port, expectedResult: 23);
    }

    [Fact]
    public void UnknownHostIs20()
    {
        using var h = new SimHarness();
        h.Start();
        h.AttachNetwork();
        h.Open(0, "nowhere.invalid", 443, expectedResult: 20);
        Assert.Equal(20, h.Simulator.Sockets[0].OpenResult);
    }

    [Fact]
    public void InactivePdpIs21()
    {
        using var h = new SimHarness();
        h.Start();
        h.WaitRegistered();
        h.Open(0, "127.0.0.1", 443, expectedResult: 21);
        SocketRecord record = Assert.Single(h.Simulator.Sockets);
        Assert.Equal(21, record.OpenResult);
        Assert.True(record.IsClosed);
        Assert.Equal(0, record.BytesSent);
    }

    [Fact]
    public void HostMapPortZeroKeepsTheRequestedPortAndHostPortKeysWin()
    {
        using var plain = new EchoServer();
        using var h = new SimHarness(SimHarness.Fast with
        {
            HostMap = new Dictionary<string, IPEndPoint>
            {
                ["Svc.Test"] = new(IPAddress.Loopback, 0),
                ["svc.test:1"] = plain.EndPoint,
            },
        });
        h.Start();
        h.AttachNetwork();
        h.Open(0, "svc.test", plain.Port);
        h.Open(1, "svc.test", 1);
        Assert.All(h.Simulator.Sockets, s => Assert.Equal(plain.EndPoint, s.RemoteEndPoint));
    }
}
