using System.Net;
using System.Text;
using CellularIot.ModemSim.Tests.Support;
using Xunit;

namespace CellularIot.ModemSim.Tests;

public sealed class TlsSocketTests
{
    [Fact]
    public void TlsRoundTripWithSniAndUploadedCa()
    {
        using var world = new TlsWorld(requiredSni: TlsWorld.Host);
        using var h = new SimHarness(world.Options());
        h.Start();
        h.AttachNetwork();
        h.ConfigureTls(0, world.CaPem, TlsWorld.Host);
        h.Open(0, TlsWorld.Host, 8883);
        ServerSession session = world.Server.NextSession();
        Assert.True(session.HandshakeSucceeded);
        Assert.Equal(TlsWorld.Host, session.Sni);
        Assert.Equal(string.Empty, session.Alpn);

        h.SendData(0, "hello"u8.ToArray());
        h.Port.Expect(Dialect.Line("+CADATAIND: 0"));
        h.Command("AT+CARECV?", Dialect.Line("+CARECV: 0,5") + Dialect.Ok);
        h.ReceiveData(0, 1460, "hello"u8.ToArray());
        h.ReceiveData(0, 1460, []);

        SocketRecord record = Assert.Single(h.Simulator.Sockets);
        Assert.Equal(0, record.OpenResult);
        Assert.True(record.Tls);
        Assert.Equal(TlsWorld.Host, record.Sni);
        Assert.Equal(world.Server.EndPoint, record.RemoteEndPoint);
        Assert.Same(record, h.Simulator.CurrentSocket(0));

        h.Command("AT+CACLOSE=0", Dialect.Ok);
        Assert.True(session.WaitEnded(3000));
        Assert.True(record.IsClosed);
        Assert.Null(h.Simulator.CurrentSocket(0));
    }

    [Fact]
    public void ByteCountersMatchWhatTheServerSaw()
    {
        using var world = new TlsWorld();
        using var h = new SimHarness(world.Options());
        h.Start();
        h.AttachNetwork();
        h.ConfigureTls(0, world.CaPem, TlsWorld.Host);
        h.Open(0, TlsWorld.Host, 443);
        ServerSession session = world.Server.NextSession();
        byte[] payload = [.. Enumerable.Range(0, 1460).Select(i => (byte)(i * 7))];
        h.SendData(0, payload);
        h.Port.Expect(Dialect.Line("+CADATAIND: 0"));
        SimHarness.Eventually(() => h.Query("AT+CARECV?").Contains("+CARECV: 0,1460", StringComparison.Ordinal), "the echo");
        h.ReceiveData(0, 1460, payload);

        SocketRecord record = h.Simulator.Sockets[0];
        SimHarness.Eventually(() => record.BytesSent == session.BytesIn && record.BytesReceived == session.BytesOut, "quiet counters");
        Assert.True(record.BytesSent > payload.Length, "TLS adds records and a handshake.");
        Assert.True(record.BytesReceived > payload.Length);
        Assert.Equal(record.BytesSent, h.Simulator.TcpBytesSent);
        Assert.Equal(record.BytesReceived, h.Simulator.TcpBytesReceived);
    }

    [Fact]
    public void SeveralSocketsAtOnce()
    {
        using var world = new TlsWorld();
        using var plain = new EchoServer();
        using var h = new SimHarness(world.Options() with
        {
            HostMap = new Dictionary<string, IPEndPoint> { [TlsWorld.Host] = world.Server.EndPoint, ["plain.test"] = plain.EndPoint },
        });
        h.Start();
        h.AttachNetwork();
        h.ConfigureTls(11, world.CaPem, TlsWorld.Host);
        h.Open(11, TlsWorld.Host, 443);
        h.Open(0, "plain.test", 80);
        h.Open(5, "127.0.0.1", plain.Port);
        h.Command("AT+CAOPEN=12,0,\"TCP\",\"plain.test\",80", Dialect.Line("+CME ERROR: incorrect parameters"));
        h.Command("AT+CAOPEN=0,0,\"TCP\",\"plain.test\",80", Dialect.Line("+CME ERROR: operation not allowed"));

        h.SendData(0, "zero"u8.ToArray());
        h.Port.Expect(Dialect.Line("+CADATAIND: 0"));
        h.SendData(11, "eleven"u8.ToArray());
        h.Port.Expect(Dialect.Line("+CADATAIND: 11"));
        h.SendData(5, "five"u8.ToArray());
        h.Port.Expect(Dialect.Line("+CADATAIND: 5"));
        h.Command("AT+CARECV?", Dialect.Line("+CARECV: 0,4") + Dialect.Line("+CARECV: 5,4") + Dialect.Line("+CARECV: 11,6") + Dialect.Ok);
        h.ReceiveData(11, 1460, "eleven"u8.ToArray());
        h.ReceiveData(5, 2, "fi"u8.ToArray());
        h.ReceiveData(5, 2, "ve"u8.ToArray());
        h.ReceiveData(0, 1460, "zero"u8.ToArray());
        Assert.Equal(3, h.Simulator.Sockets.Count);
        Assert.False(h.Simulator.Sockets.Single(s => s.Cid == 0).Tls);
    }

    [Fact]
    public void PeerCloseReportsCastateAfterTheData()
    {
        using var plain = new EchoServer();
        using var h = new SimHarness(SimHarness.Fast);
        h.Start();
        h.AttachNetwork();
        h.Open(3, "127.0.0.1", plain.Port);
        ServerSession session = plain.NextSession();
        h.SendData(3, "bye"u8.ToArray());
        h.Port.Expect(Dialect.Line("+CADATAIND: 3"));
        session.Close();
        h.Port.Expect(Dialect.Line("+CASTATE: 3,0"));
        h.ReceiveData(3, 100, "bye"u8.ToArray());
        h.ReceiveData(3, 100, []);
        h.Command("AT+CASEND=3,1", Dialect.Line("+CME ERROR: operation not allowed"));
        h.Command("AT+CACLOSE=3", Dialect.Ok);
        h.Command("AT+CARECV=3,100", Dialect.Line("+CME ERROR: operation not allowed"));
    }

    [Fact]
    public void SourceAddressIsBoundAndSeenByTheServer()
    {
        using var world = new TlsWorld();
        using var h = new SimHarness(world.Options(source: IPAddress.Parse("127.0.0.2")));
        h.Start();
        h.AttachNetwork();
        h.ConfigureTls(0, world.CaPem, TlsWorld.Host);
        h.Open(0, TlsWorld.Host, 443);
        ServerSession session = world.Server.NextSession();
        Assert.Equal(IPAddress.Parse("127.0.0.2"), session.Remote.Address);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), h.Simulator.Sockets[0].LocalEndPoint!.Address);
    }

    [Fact]
    public void AlpnIsSentOnlyInTheAlpnProfile()
    {
        using var world = new TlsWorld();
        using (var h = new SimHarness(world.Options(ModemProfile.Alpn)))
        {
            h.Start();
            h.AttachNetwork();
            h.ConfigureTls(0, world.CaPem, TlsWorld.Host);
            h.Command("AT+CSSLCFG=\"alpn\",0,\"mqtt\"", Dialect.Ok);
            h.Command("AT+CSSLCFG=\"alpn\",0", Dialect.Line("+CSSLCFG: \"alpn\",0,\"mqtt\"") + Dialect.Ok);
            h.Open(0, TlsWorld.Host, 443);
            Assert.Equal("mqtt", world.Server.NextSession().Alpn);
            Assert.Equal("mqtt", h.Simulator.Sockets[0].NegotiatedAlpn);
        }

        using (var h = new SimHarness(world.Options()))
        {
            h.Start();
            h.AttachNetwork();
            h.ConfigureTls(0, world.CaPem, TlsWorld.Host);
            h.Command("AT+CSSLCFG=\"alpn\",0,\"mqtt\"", Dialect.Line("+CME ERROR: operation not supported"));
            h.Command("AT+CSSLCFG=\"alpn\",0", Dialect.Line("+CME ERROR: operation not supported"));
            h.Open(0, TlsWorld.Host, 443);
            Assert.Equal(string.Empty, world.Server.NextSession().Alpn);
            Assert.Null(h.Simulator.Sockets[0].NegotiatedAlpn);
        }
    }

    [Fact]
    public void NoSniIsSentWhenNoneWasConfigured()
    {
        using var world = new TlsWorld();
        using var h = new SimHarness(world.Options());
        h.Start();
        h.AttachNetwork();
        h.ConfigureTls(0, world.CaPem, sni: null);
        h.Open(0, TlsWorld.Host, 443);
        Assert.Equal(string.Empty, world.Server.NextSession().Sni);
    }

    [Fact]
    public void CrindexSelectsTheSslContext()
    {
        using var world = new TlsWorld(requiredSni: TlsWorld.Host);
        using var h = new SimHarness(world.Options());
        h.Start();
        h.AttachNetwork();
        h.ConfigureTls(2, world.CaPem, TlsWorld.Host, context: 7);
        h.Open(2, TlsWorld.Host, 443);
        Assert.Equal(TlsWorld.Host, world.Server.NextSession().Sni);
        h.Command("AT+CSSLCFG=\"sni\",12,\"x\"", Dialect.Line("+CME ERROR: incorrect parameters"));
    }

    [Fact]
    public void ServerRefusingAMissingSniFailsTheOpen()
    {
        using var world = new TlsWorld(requiredSni: TlsWorld.Host);
        using var h = new SimHarness(world.Options());
        h.Start();
        h.AttachNetwork();
        h.ConfigureTls(0, world.CaPem, sni: null);
        h.Open(0, TlsWorld.Host, 443, expectedResult: 27);
        Assert.False(world.Server.NextSession().HandshakeSucceeded);
    }

    [Fact]
    public void ProfileVariantsForSendAndReceive()
    {
        using var plain = new EchoServer();
        using var h = new SimHarness(SimHarness.Fast with { Profile = new ModemProfile { SendResultUrc = true, ReceiveReportsCid = true, SendPrompt = ">" } });
        h.Start();
        h.AttachNetwork();
        h.Open(1, "127.0.0.1", plain.Port);
        h.Command("AT+CASEND=1,4,2000", ">");
        h.Port.Send("ping");
        h.Port.Expect(Dialect.Ok + Dialect.Line("+CASEND: 1,0,4") + Dialect.Line("+CADATAIND: 1"));
        h.ReceiveData(1, 1460, "ping"u8.ToArray());
        h.Command("AT+CARECV=1,1460", Dialect.Line("+CARECV: 1,0") + Dialect.Ok);
    }

    [Fact]
    public void SendRulesAndInputTimeout()
    {
        using var plain = new EchoServer();
        using var h = new SimHarness();
        h.Start();
        h.AttachNetwork();
        h.Command("AT+CASEND=0,5", Dialect.Line("+CME ERROR: operation not allowed"));
        h.Open(0, "127.0.0.1", plain.Port);
        h.Command("AT+CASEND=0,1461", Dialect.Line("+CME ERROR: incorrect parameters"));
        h.Command("AT+CARECV=0,1461", Dialect.Line("+CME ERROR: incorrect parameters"));
        h.Command("AT+CASEND=0,10,100", "\r\n> ");
        h.Port.Send("abc");
        h.Port.Expect(Dialect.Error, 1000);
        h.Command("AT", Dialect.Ok);
        Assert.Equal(0, h.Simulator.TcpBytesSent);
    }

    [Fact]
    public void PlainHostLiteralAndReceiveBufferIsReadInChunks()
    {
        using var plain = new EchoServer();
        using var h = new SimHarness();
        h.Start();
        h.AttachNetwork();
        h.Open(2, "127.0.0.1", plain.Port);
        byte[] block = Encoding.ASCII.GetBytes(new string('x', 1460));
        h.SendData(2, block);
        h.Port.Expect(Dialect.Line("+CADATAIND: 2"));
        h.SendData(2, block);
        SimHarness.Eventually(() => h.Query("AT+CARECV?").Contains("+CARECV: 2,2920", StringComparison.Ordinal), "both blocks");
        h.ReceiveData(2, 1000, block[..1000]);
        h.ReceiveData(2, 1460, block[..1460]);
        h.ReceiveData(2, 1460, block[..460]);
        Assert.Equal(2920, h.Simulator.Sockets[0].BytesReceived);
    }
}
