using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.Modem.Tests.Support;

/// <summary>
/// A TLS server on 127.0.0.1 (SslStream) standing in for a cloud endpoint: it refuses a handshake without the SNI it
/// expects, offers ALPN mqtt and http/1.1, and hands each connection to the test as a <see cref="ServerConnection"/>,
/// failed handshakes included.
/// </summary>
internal sealed class TlsServer : IDisposable
{
    private readonly X509Certificate2 certificate;
    private readonly string requiredSni;
    private readonly BlockingCollection<ServerConnection> connections = [];
    private readonly ConcurrentBag<ServerConnection> all = [];
    private readonly LoopbackAcceptor acceptor;

    public TlsServer(X509Certificate2 certificate, string requiredSni)
    {
        this.certificate = certificate;
        this.requiredSni = requiredSni;
        acceptor = new LoopbackAcceptor(HandshakeAsync);
    }

    public IPEndPoint EndPoint => acceptor.EndPoint;

    /// <summary>The next connection, once its handshake has succeeded or failed.</summary>
    public ServerConnection NextConnection(int timeoutMs = 10000)
    {
        Assert.True(connections.TryTake(out ServerConnection? connection, timeoutMs), "No connection reached the TLS server.");
        return connection!;
    }

    public void Dispose()
    {
        acceptor.Dispose();
        foreach (ServerConnection connection in all)
        {
            connection.Dispose();
        }

        certificate.Dispose();
    }

    private async Task HandshakeAsync(Socket client, CancellationToken stopping)
    {
        var connection = new ServerConnection(client);
        all.Add(connection);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            deadline.CancelAfter(10000);
            await connection.Tls.AuthenticateAsServerAsync(
                SniGate.Options(certificate, requiredSni, sni => connection.Sni = sni),
                null,
                deadline.Token).ConfigureAwait(false);
            connection.Alpn = connection.Tls.NegotiatedApplicationProtocol.ToString();
            connection.HandshakeSucceeded = true;
            connection.StartReading();
        }
        catch (Exception e) when (e is IOException or AuthenticationException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            connection.Fail(e.Message);
        }

        connections.Add(connection, CancellationToken.None);
    }
}
