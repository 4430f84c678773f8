using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CellularIot.Host.ByteCounting;
using CellularIot.TestSupport;
using Xunit;

namespace CellularIot.ModemSim.Tests.Support;

/// <summary>
/// A loopback echo server, TLS (SslStream with the given certificate, optionally insisting on an SNI, offering ALPN
/// mqtt and http/1.1) or plain TCP. Each accepted connection becomes a <see cref="ServerSession"/> once its
/// handshake is over, with the SNI, ALPN, remote address and byte counts at TCP level.
/// </summary>
internal sealed class EchoServer : IDisposable
{
    private readonly X509Certificate2? certificate;
    private readonly string? requiredSni;
    private readonly BlockingCollection<ServerSession> sessions = [];
    private readonly LoopbackAcceptor acceptor;

    public EchoServer(X509Certificate2? certificate = null, string? requiredSni = null)
    {
        this.certificate = certificate;
        this.requiredSni = requiredSni;
        acceptor = new LoopbackAcceptor(ServeAsync);
    }

    public int Port => acceptor.EndPoint.Port;

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    /// <summary>The next connection, once its handshake is over.</summary>
    public ServerSession NextSession(int timeoutMs = 5000)
    {
        Assert.True(sessions.TryTake(out ServerSession? session, timeoutMs), "No connection reached the server.");
        return session!;
    }

    public void Dispose()
    {
        acceptor.Dispose();
        certificate?.Dispose();
    }

    private async Task ServeAsync(Socket client, CancellationToken stopping)
    {
        var session = new ServerSession((IPEndPoint)client.RemoteEndPoint!);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, session.Closer.Token);
        CancellationToken token = linked.Token;
        Stream stream = new CountingStream(new NetworkStream(client, ownsSocket: true), session.AddIn, session.AddOut);
        try
        {
            if (certificate is not null)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsServerAsync(
                    SniGate.Options(certificate, requiredSni, sni => session.Sni = sni),
                    null,
                    token).ConfigureAwait(false);
                session.Alpn = tls.NegotiatedApplicationProtocol.ToString();
            }

            session.HandshakeSucceeded = true;
            sessions.Add(session, CancellationToken.None);
            var buffer = new byte[4096];
            int read;
            while ((read = await stream.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
            {
                await stream.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or AuthenticationException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            if (!session.HandshakeSucceeded)
            {
                sessions.Add(session, CancellationToken.None);
            }
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            session.MarkEnded();
        }
    }
}
