using System.Runtime.Versioning;
using System.Security.Cryptography;
using CellularIot.Modem.Sim7080;
using CellularIot.Modem.Tests.Support;
using CellularIot.ModemSim;
using CellularIot.Net;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.Modem.Tests;

/// <summary>
/// TLS run by the simulated module to a loopback SslStream server: SNI, the chain checked against the uploaded CA at
/// the network's time, ALPN, chunking both ways, the transport above, and how the server closing shows.
/// </summary>
public sealed class TlsSocketTests
{
    [Fact]
    public void RoundTripInChunksBothWaysThenTheServerCloses()
    {
        using var world = new TlsWorld();
        using var rig = Connected(world, out ISecureSocket socket, out ServerConnection server);
        Assert.Equal(TlsWorld.Host, server.Sni);
        Assert.Equal(string.Empty, server.Alpn);
        int closedEvents = 0;
        socket.Closed += (sender, e) =>
        {
            Assert.Same(socket, sender);
            Interlocked.Increment(ref closedEvents);
        };

        // 5000 bytes up: four AT+CASEND of at most 1460.
        byte[] up = RandomNumberGenerator.GetBytes(5000);
        socket.Send(up, 0, up.Length);
        Assert.Equal(up, server.ReadExactly(up.Length));
        Assert.Equal(4, rig.CountSent("AT+CASEND=0,"));
        Assert.Equal(3, rig.CountSent(@"AT+CASEND=0,1460\r"));
        Assert.Equal(1, rig.CountSent(@"AT+CASEND=0,620\r"));

        // 6000 bytes down: AT+CARECV of at most 1460 each.
        byte[] down = RandomNumberGenerator.GetBytes(6000);
        server.Write(down);
        Assert.Equal(down, ReceiveExactly(socket, down.Length));

        // The server sends its last bytes and closes: they are still read, then the socket reports closed.
        byte[] tail = RandomNumberGenerator.GetBytes(3000);
        server.Write(tail);
        server.Dispose();
        Wait.Until(() => Volatile.Read(ref closedEvents) == 1, "the Closed event");
        Assert.True(socket.IsClosed);
        Assert.Equal(tail, ReceiveExactly(socket, tail.Length));
        var buffer = new byte[100];
        Assert.Throws<SocketClosedException>(() => socket.Receive(buffer, 0, buffer.Length, 500));
        Assert.Throws<SocketClosedException>(() => socket.Send(buffer, 0, 1));
        socket.Close();
        Assert.Equal(1, closedEvents);
        Assert.Null(rig.Simulator.CurrentSocket(0));
        rig.AssertSimulatorHealthy();
    }

    [Theory]
    [InlineData("send result URC")]
    [InlineData("bare prompt")]
    public void RoundTripOnTheFirmwareVariants(string variant)
    {
        ModemProfile profile = variant == "bare prompt" ? ModemProfile.Standard with { SendPrompt = ">" } : ModemProfile.Standard with { SendResultUrc = true };
        using var world = new TlsWorld();
        using var rig = Connected(world, out ISecureSocket socket, out ServerConnection server, Fast.Simulator() with { Profile = profile });
        byte[] up = RandomNumberGenerator.GetBytes(3000);
        socket.Send(up, 0, up.Length);
        Assert.Equal(up, server.ReadExactly(up.Length));
        byte[] down = RandomNumberGenerator.GetBytes(3000);
        server.Write(down);
        Assert.Equal(down, ReceiveExactly(socket, down.Length));
        Assert.False(socket.IsClosed);
        socket.Close();
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void RoundTripOverAPtyAndTheSerialLink()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "A pty needs Linux.");
        using var world = new TlsWorld();
        using var rig = Connected(ModemRig.OverPty(world.Map(Fast.Simulator())), world, out ISecureSocket socket, out ServerConnection server);

        // Every byte value, both ways, through the pty in raw mode and System.IO.Ports.
        byte[] all = [.. Enumerable.Range(0, 256).Select(i => (byte)i), .. Enumerable.Range(0, 256).Select(i => (byte)(255 - i))];
        byte[] up = [.. all, .. RandomNumberGenerator.GetBytes(2500)];
        socket.Send(up, 0, up.Length);
        Assert.Equal(up, server.ReadExactly(up.Length));
        byte[] down = [.. RandomNumberGenerator.GetBytes(2500), .. all];
        server.Write(down);
        Assert.Equal(down, ReceiveExactly(socket, down.Length));
        socket.Close();
        Assert.True(server.WaitEnded(5000));
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void RoundTripThroughTheModemTransport()
    {
        using var world = new TlsWorld();
        using var rig = Connected(world, out ISecureSocket socket, out ServerConnection server);
        var transport = new ModemTransport(socket);
        Assert.True(transport.IsOpen);

        byte[] up = RandomNumberGenerator.GetBytes(4000);
        transport.Write(up, 0, up.Length);
        Assert.Equal(up, server.ReadExactly(up.Length));

        byte[] down = RandomNumberGenerator.GetBytes(3500);
        server.Write(down);
        var received = new byte[down.Length];
        int total = 0;
        long deadline = Environment.TickCount64 + 10000;
        while (total < down.Length && Environment.TickCount64 < deadline)
        {
            total += transport.Read(received, total, received.Length - total, 1000);
        }

        Assert.Equal(down, received);
        Assert.Equal(0, transport.Read(received, 0, 10, 100));

        server.Dispose();
        Wait.Until(() => !transport.IsOpen, "the transport to see the close");
        Assert.Throws<TransportClosedException>(() => transport.Read(received, 0, 10, 500));
        Assert.Throws<TransportClosedException>(() => transport.Write(received, 0, 10));
        transport.Close();
        transport.Close();
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void OneReaderAndOneWriterAtOnceAndCloseWakesTheReader()
    {
        using var world = new TlsWorld();
        using var rig = Connected(world, out ISecureSocket socket, out ServerConnection server);
        var transport = new ModemTransport(socket);

        // The reader waits in Read while the writer sends; the server answers only once it has everything.
        byte[] down = RandomNumberGenerator.GetBytes(4000);
        var received = new byte[down.Length];
        int total = 0;
        var reader = new Thread(() =>
        {
            long deadline = Environment.TickCount64 + 10000;
            while (total < received.Length && Environment.TickCount64 < deadline)
            {
                total += transport.Read(received, total, received.Length - total, 1000);
            }
        });
        reader.Start();
        byte[] up = RandomNumberGenerator.GetBytes(4000);
        transport.Write(up, 0, up.Length);
        Assert.Equal(up, server.ReadExactly(up.Length));
        server.Write(down);
        Assert.True(reader.Join(15000));
        Assert.Equal(down.Length, total);
        Assert.Equal(down, received);

        // A reader blocked for a long time is released by Close from another thread.
        Exception? readerError = null;
        var blocked = new Thread(() => readerError = Record.Exception(() => transport.Read(received, 0, 10, 10000)));
        blocked.Start();
        Thread.Sleep(300);
        transport.Close();
        Assert.True(blocked.Join(3000), "Close woke the reader.");
        Assert.IsType<TransportClosedException>(readerError);
        Assert.True(server.WaitEnded(5000));
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void ByteCountsOfTheSimulatorMatchWhatTheServerSaw()
    {
        using var world = new TlsWorld();
        using var rig = Connected(world, out ISecureSocket socket, out ServerConnection server);
        byte[] up = RandomNumberGenerator.GetBytes(3000);
        socket.Send(up, 0, up.Length);
        Assert.Equal(up, server.ReadExactly(up.Length));
        byte[] down = RandomNumberGenerator.GetBytes(2500);
        server.Write(down);
        Assert.Equal(down, ReceiveExactly(socket, down.Length));
        socket.Close();
        Assert.True(server.WaitEnded(5000));

        Wait.Until(() => rig.Simulator.TcpBytesSent == server.BytesIn && rig.Simulator.TcpBytesReceived == server.BytesOut, "the counters to agree");
        SocketRecord record = Assert.Single(rig.Simulator.Sockets);
        Assert.Equal(server.BytesIn, record.BytesSent);
        Assert.Equal(server.BytesOut, record.BytesReceived);
        Assert.True(record.BytesSent > up.Length, "TLS adds its handshake and records.");
        Assert.True(record.BytesReceived > down.Length);
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void AlpnIsOfferedByTheAlpnFirmware()
    {
        using var world = new TlsWorld();
        Sim7080Settings settings = Fast.Driver();
        settings.AlpnKeyword = "alpn";
        using var rig = new ModemRig(world.Map(Fast.Simulator() with { Profile = ModemProfile.Alpn }), settings);
        rig.BringUp();
        Assert.True(rig.Modem.Capabilities.SupportsAlpn);
        rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, world.CaPem);

        ISecureSocket socket = rig.Modem.OpenSecureSocket(TlsWorld.Endpoint("mqtt"));
        ServerConnection server = world.Server.NextConnection();
        Assert.True(server.HandshakeSucceeded, server.HandshakeError);
        Assert.Equal("mqtt", server.Alpn);
        Assert.Equal("mqtt", rig.Simulator.Sockets[0].NegotiatedAlpn);
        Assert.True(rig.Sent("AT+CSSLCFG=\"alpn\",0,\"mqtt\""));

        socket.Send("ping"u8.ToArray(), 0, 4);
        Assert.Equal("ping"u8.ToArray(), server.ReadExactly(4));
        socket.Close();
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void ASocketWithoutAlpnNeverInheritsAnEarlierSocketsAlpn()
    {
        using var world = new TlsWorld();
        Sim7080Settings settings = Fast.Driver();
        settings.AlpnKeyword = "alpn";
        using var rig = new ModemRig(world.Map(Fast.Simulator() with { Profile = ModemProfile.Alpn }), settings);
        rig.BringUp();
        rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, world.CaPem);

        // MQTT on connection id 0 sets ALPN mqtt in SSL context 0; the HTTP socket that gets id 0 next must not offer it.
        ISecureSocket mqtt = rig.Modem.OpenSecureSocket(TlsWorld.Endpoint("mqtt"));
        Assert.Equal("mqtt", world.Server.NextConnection().Alpn);
        mqtt.Close();
        ISecureSocket http = rig.Modem.OpenSecureSocket(TlsWorld.Endpoint());
        Assert.Equal(0, http.Id);
        Assert.Equal(settings.AlpnProbeProtocol, world.Server.NextConnection().Alpn);
        http.Close();
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void AlpnIsRefusedOnTheStandardFirmware()
    {
        using var world = new TlsWorld();
        Sim7080Settings settings = Fast.Driver();
        settings.AlpnKeyword = "alpn";
        using var rig = new ModemRig(world.Map(Fast.Simulator()), settings);
        rig.BringUp();
        Assert.False(rig.Modem.Capabilities.SupportsAlpn);
        Assert.True(rig.Sent("AT+CSSLCFG=\"alpn\",0,\"http/1.1\""), "The driver asked the firmware.");
        rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, world.CaPem);

        Assert.Throws<NotSupportedException>(() => rig.Modem.OpenSecureSocket(TlsWorld.Endpoint("mqtt")));
        Assert.Empty(rig.Simulator.Sockets);

        // Without ALPN the same endpoint works.
        ISecureSocket socket = rig.Modem.OpenSecureSocket(TlsWorld.Endpoint());
        ServerConnection server = world.Server.NextConnection();
        Assert.True(server.HandshakeSucceeded, server.HandshakeError);
        Assert.Equal(string.Empty, server.Alpn);
        socket.Close();
        rig.AssertSimulatorHealthy();
    }

    [Fact]
    public void AServerChainFromAnotherCaIsRejected()
    {
        using var world = new TlsWorld();
        using var rig = new ModemRig(world.Map(Fast.Simulator()));
        rig.BringUp();
        using var stranger = TestPki.CreateCa("Stranger Root CA", Fast.NetworkTime.AddYears(-1), Fast.NetworkTime.AddYears(1));
        rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, System.Text.Encoding.ASCII.GetBytes(stranger.ExportCertificatePem()));

        SocketOpenException error = Assert.Throws<SocketOpenException>(() => rig.Modem.OpenSecureSocket(TlsWorld.Endpoint()));
        Assert.Equal(27, error.ResultCode);
        Assert.Equal(SocketOpenError.ConnectFailed, error.Error);
        Assert.Contains("certificate", error.Message, StringComparison.Ordinal);

        // The server was reached and offered its chain, and the module dropped the connection: it refused the chain.
        ServerConnection server = world.Server.NextConnection();
        Assert.Equal(TlsWorld.Host, server.Sni);
        Assert.True(server.WaitEnded(5000));
        AssertSocketsFree(rig);
    }

    [Fact]
    public void ACertificateForAnotherNameIsResult25()
    {
        using var world = new TlsWorld(ca => TestPki.CreateServer(ca, "other.cloud.test", Fast.NetworkTime.AddDays(-30), Fast.NetworkTime.AddDays(30)));
        using var rig = new ModemRig(world.Map(Fast.Simulator()));
        rig.BringUp();
        rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, world.CaPem);

        SocketOpenException error = Assert.Throws<SocketOpenException>(() => rig.Modem.OpenSecureSocket(TlsWorld.Endpoint()));
        Assert.Equal(25, error.ResultCode);
        Assert.Equal(SocketOpenError.CertificateNameMismatch, error.Error);
        Assert.True(error.IsCertificateProblem);
        Assert.False(error.IsClockProblem);
        AssertSocketsFree(rig);
    }

    [Fact]
    public void AnExpiredCertificateIsResult24AClockOrCertificateProblem()
    {
        // Valid last year by the network's clock, and still valid by the host's: the module checks at its own time.
        using var world = new TlsWorld(ca => TestPki.CreateServer(ca, TlsWorld.Host, Fast.NetworkTime.AddDays(-400), Fast.NetworkTime.AddDays(-35)));
        using var rig = new ModemRig(world.Map(Fast.Simulator()));
        rig.BringUp();
        rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, world.CaPem);

        SocketOpenException error = Assert.Throws<SocketOpenException>(() => rig.Modem.OpenSecureSocket(TlsWorld.Endpoint()));
        Assert.Equal(24, error.ResultCode);
        Assert.Equal(SocketOpenError.CertificateTimeExpired, error.Error);
        Assert.True(error.IsCertificateProblem);
        Assert.True(error.IsClockProblem);
        Assert.Contains("clock", error.Message, StringComparison.Ordinal);
        AssertSocketsFree(rig);
    }

    /// <summary>A rig brought up with the world's CA stored, and socket 0 open to the server.</summary>
    internal static ModemRig Connected(TlsWorld world, out ISecureSocket socket, out ServerConnection server, ModemSimOptions? options = null) =>
        Connected(new ModemRig(world.Map(options ?? Fast.Simulator())), world, out socket, out server);

    /// <summary><paramref name="rig"/> brought up with the world's CA stored, and socket 0 open to the server.</summary>
    internal static ModemRig Connected(ModemRig rig, TlsWorld world, out ISecureSocket socket, out ServerConnection server)
    {
        try
        {
            rig.BringUp();
            rig.Modem.EnsureCaCertificate(TlsWorld.CaFile, world.CaPem);
            socket = rig.Modem.OpenSecureSocket(TlsWorld.Endpoint());
            Assert.Equal(0, socket.Id);
            server = world.Server.NextConnection();
            Assert.True(server.HandshakeSucceeded, server.HandshakeError);
            return rig;
        }
        catch
        {
            rig.Dispose();
            throw;
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes, in the socket's pieces.</summary>
    internal static byte[] ReceiveExactly(ISecureSocket socket, int count)
    {
        var received = new byte[count];
        int total = 0;
        long deadline = Environment.TickCount64 + 10000;
        while (total < count)
        {
            Assert.True(Environment.TickCount64 < deadline, $"Received {total} of {count} bytes.");
            total += socket.Receive(received, total, count - total, 1000);
        }

        return received;
    }

    // A failed open leaves nothing behind: the next open takes connection id 0 again and works.
    private static void AssertSocketsFree(ModemRig rig)
    {
        Assert.All(rig.Simulator.Sockets, s => Assert.True(s.IsClosed));
        Assert.Null(rig.Simulator.CurrentSocket(0));
        rig.AssertSimulatorHealthy();
    }
}
