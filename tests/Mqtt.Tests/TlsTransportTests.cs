using System.Diagnostics;
using System.Net;
using System.Security.Authentication;
using CellularIot.Host;
using CellularIot.Net;
using Xunit;

namespace CellularIot.Mqtt.Tests;

/// <summary>The PC's TLS transport on its own: validation, ALPN, source binding, timed reads, closing.</summary>
public sealed class TlsTransportTests
{
    [Fact]
    public async Task RefusesAServerSignedByAnotherCa()
    {
        using var served = TestCertificates.Create("Test Root CA", "broker.test");
        using var other = TestCertificates.Create("Other Root CA", "broker.test");
        await using var front = TlsFront.Start(served.Server, LoopbackPorts.Free());

        await Assert.ThrowsAsync<AuthenticationException>(() => TlsTransport.ConnectAsync(Options(front.Port, other, "broker.test"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RefusesACertificateForAnotherName()
    {
        using var certificates = TestCertificates.Create("Test Root CA", "broker.test");
        await using var front = TlsFront.Start(certificates.Server, LoopbackPorts.Free());

        await Assert.ThrowsAsync<AuthenticationException>(() => TlsTransport.ConnectAsync(Options(front.Port, certificates, "elsewhere.test"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RefusesAServerThatDoesNotAgreeToMqtt()
    {
        using var certificates = TestCertificates.Create("Test Root CA", "broker.test");
        await using var front = TlsFront.Start(certificates.Server, LoopbackPorts.Free(), "http/1.1");

        var ex = await Assert.ThrowsAnyAsync<AuthenticationException>(() => TlsTransport.ConnectAsync(Options(front.Port, certificates, "broker.test"), TestContext.Current.CancellationToken));
        Assert.NotNull(ex.Message);
    }

    [Fact]
    public async Task BindsTheLocalSourceAddress()
    {
        using var certificates = TestCertificates.Create("Test Root CA", "broker.test");
        await using var broker = await TestBroker.StartAsync();
        await using var front = TlsFront.Start(certificates.Server, broker.Port);
        var options = new TlsTransportOptions
        {
            Host = "broker.test",
            Port = front.Port,
            RemoteAddress = IPAddress.Loopback,
            LocalAddress = IPAddress.Loopback,
            CaCertificate = certificates.Ca,
        };

        using TlsTransport transport = await TlsTransport.ConnectAsync(options, TestContext.Current.CancellationToken);

        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)transport.LocalEndPoint!).Address);
        Assert.Equal(((IPEndPoint)transport.LocalEndPoint!).Port, Assert.Single(front.WaitForHandshakes(1)).Remote.Port);
    }

    [Fact]
    public async Task AReadWaitsForItsTimeoutAndNoLonger()
    {
        await using var broker = await TestBroker.StartAsync();
        using TlsTransport transport = await TlsTransport.ConnectPlainAsync(new TlsTransportOptions { Host = "localhost", Port = broker.Port, RemoteAddress = IPAddress.Loopback }, TestContext.Current.CancellationToken);
        var watch = Stopwatch.StartNew();

        int read = await Task.Run(() => transport.Read(new byte[16], 0, 16, 300), TestContext.Current.CancellationToken);

        Assert.Equal(0, read);
        Assert.InRange(watch.ElapsedMilliseconds, 250, 5000);
        Assert.True(transport.IsOpen);
    }

    [Fact]
    public async Task ClosingWakesAWaitingReaderAndFailsLaterCalls()
    {
        await using var broker = await TestBroker.StartAsync();
        using TlsTransport transport = await TlsTransport.ConnectPlainAsync(new TlsTransportOptions { Host = "localhost", Port = broker.Port, RemoteAddress = IPAddress.Loopback }, TestContext.Current.CancellationToken);
        var watch = Stopwatch.StartNew();
        Task<int> reading = Task.Run(() => transport.Read(new byte[16], 0, 16, 30000), TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);

        transport.Close();

        await Assert.ThrowsAsync<TransportClosedException>(() => reading);
        Assert.True(watch.ElapsedMilliseconds < 10000);
        Assert.False(transport.IsOpen);
        Assert.Throws<TransportClosedException>(() => transport.Write([0xC0, 0x00], 0, 2));
        transport.Close();
    }

    [Fact]
    public async Task APeerCloseEndsReadsWithTransportClosed()
    {
        using var certificates = TestCertificates.Create("Test Root CA", "broker.test");
        await using var broker = await TestBroker.StartAsync();
        await using var front = TlsFront.Start(certificates.Server, broker.Port);
        front.CloseAfterFirstBytes = true;
        using TlsTransport transport = await TlsTransport.ConnectAsync(Options(front.Port, certificates, "broker.test"), TestContext.Current.CancellationToken);

        transport.Write([0x10, 0x00], 0, 2);

        var ex = await Assert.ThrowsAsync<TransportClosedException>(() => Task.Run(() => transport.Read(new byte[16], 0, 16, 10000), TestContext.Current.CancellationToken));
        Assert.False(transport.IsOpen);
        Assert.NotEmpty(ex.Message);
    }

    private static TlsTransportOptions Options(int port, TestCertificates trusted, string host) => new()
    {
        Host = host,
        Port = port,
        RemoteAddress = IPAddress.Loopback,
        CaCertificate = trusted.Ca,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
