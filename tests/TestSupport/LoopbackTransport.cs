using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using CellularIot.Net;

namespace CellularIot.TestSupport;

/// <summary>
/// The firmware's <see cref="ITransport"/> over a real TCP connection to a loopback server, optionally with TLS
/// (SNI set, the test certificate pinned). A read that times out leaves its receive pending for the next
/// call, so no byte is lost, as the modem's socket behaves.
/// </summary>
public sealed class LoopbackTransport : ITransport, IDisposable
{
    private readonly TcpClient client;
    private readonly Stream stream;
    private readonly byte[] received = new byte[4096];
    private Task<int>? pending;
    private int start;
    private int end;
    private bool closed;
    private bool peerClosed;

    private LoopbackTransport(TcpClient client, Stream stream)
    {
        this.client = client;
        this.stream = stream;
    }

    public bool IsOpen => !closed && !peerClosed;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/>; with a <paramref name="tlsHost"/>, TLS with that SNI, trusting only <paramref name="trusted"/>.</summary>
    public static async Task<LoopbackTransport> ConnectAsync(int port, string? tlsHost, X509Certificate2? trusted, CancellationToken cancellation)
    {
        var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, port, cancellation).ConfigureAwait(false);
            Stream connection = tcp.GetStream();
            if (tlsHost != null)
            {
                var tls = new SslStream(connection, leaveInnerStreamOpen: false, (_, certificate, _, _) => certificate != null && trusted != null && certificate.GetCertHashString() == trusted.GetCertHashString());
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = tlsHost }, cancellation).ConfigureAwait(false);
                connection = tls;
            }

            return new LoopbackTransport(tcp, connection);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        if (closed)
        {
            throw new TransportClosedException("closed locally");
        }

        if (end > start)
        {
            return Take(buffer, offset, count);
        }

        if (peerClosed)
        {
            throw new TransportClosedException("the server closed the connection");
        }

        pending ??= stream.ReadAsync(received, 0, received.Length);
        try
        {
            if (!pending.Wait(Math.Max(timeoutMs, 0)))
            {
                return 0;
            }
        }
        catch (AggregateException e)
        {
            peerClosed = true;
            throw new TransportClosedException("receive failed: " + e.InnerException?.Message);
        }

        int read = pending.Result;
        pending = null;
        if (read == 0)
        {
            peerClosed = true;
            throw new TransportClosedException("the server closed the connection");
        }

        start = 0;
        end = read;
        return Take(buffer, offset, count);
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        if (closed || peerClosed)
        {
            throw new TransportClosedException("the connection is closed");
        }

        try
        {
            stream.Write(buffer, offset, count);
            stream.Flush();
        }
        catch (IOException e)
        {
            peerClosed = true;
            throw new TransportClosedException("send failed: " + e.Message);
        }
    }

    public void Close()
    {
        if (!closed)
        {
            closed = true;
            stream.Dispose();
            client.Dispose();
        }
    }

    public void Dispose() => Close();

    private int Take(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(count, end - start);
        Array.Copy(received, start, buffer, offset, n);
        start += n;
        return n;
    }
}
