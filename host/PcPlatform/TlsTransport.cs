using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CellularIot.Net;

namespace CellularIot.Host;

/// <summary>Where and how a <see cref="TlsTransport"/> connects.</summary>
public sealed class TlsTransportOptions
{
    /// <summary>The server's host name: sent as SNI and checked against its certificate; dialled unless <see cref="RemoteAddress"/> is set.</summary>
    public required string Host { get; init; }

    /// <summary>The server's TCP port (443 for AWS IoT Core with ALPN "mqtt").</summary>
    public required int Port { get; init; }

    /// <summary>The one CA the server's chain must end at; the system's trust store is never consulted. Required for TLS.</summary>
    public X509Certificate2? CaCertificate { get; init; }

    /// <summary>ALPN protocols offered, in order of preference; the server must pick one of them when any are offered.</summary>
    public IReadOnlyList<string> Alpn { get; init; } = ["mqtt"];

    /// <summary>Dial this address instead of resolving <see cref="Host"/> (SNI and validation still use Host), e.g. a simulator on loopback.</summary>
    public IPAddress? RemoteAddress { get; init; }

    /// <summary>Bind the local end to this address (a given interface or source IP); any when null.</summary>
    public IPAddress? LocalAddress { get; init; }

    /// <summary>Time allowed for the TCP connect and the TLS handshake together.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time a single write may block before the connection counts as dead.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The PC's <see cref="ITransport"/>: TCP with TLS (SNI = <see cref="TlsTransportOptions.Host"/>, ALPN,
/// the server validated against one given CA only), or plain TCP for local brokers. A background pump
/// reads the socket into a bounded buffer, so <see cref="Read"/> waits on a monitor with a timeout (no
/// polling, and no TLS read is ever cancelled halfway through a record). One reader and one writer may
/// work at the same time; <see cref="Close"/> may come from any thread and wakes a waiting reader.
/// </summary>
public sealed class TlsTransport : ITransport, IDisposable
{
    private const int BufferBytes = 64 * 1024;
    private const int ChunkBytes = 16 * 1024;

    private readonly TcpClient client;
    private readonly Stream stream;
    private readonly object gate = new();
    private readonly object writeGate = new();
    private readonly byte[] ring = new byte[BufferBytes];
    private readonly SemaphoreSlim roomFreed = new(0, int.MaxValue);
    private readonly CancellationTokenSource stopping = new();
    private int head;
    private int count;
    private bool closedLocally;
    private bool closedByPeer;
    private string closeReason = "the connection is closed";

    private TlsTransport(TcpClient client, Stream stream, string? negotiatedAlpn)
    {
        this.client = client;
        this.stream = stream;
        NegotiatedAlpn = negotiatedAlpn;
        _ = Task.Run(PumpAsync);
    }

    /// <summary>The ALPN protocol the server chose, or null (plain TCP, or none offered).</summary>
    public string? NegotiatedAlpn { get; }

    /// <summary>The local end of the connection.</summary>
    public EndPoint? LocalEndPoint => client.Client.LocalEndPoint;

    /// <inheritdoc/>
    public bool IsOpen
    {
        get
        {
            lock (gate)
            {
                return !closedLocally && !closedByPeer;
            }
        }
    }

    /// <summary>Opens a TLS connection: TCP connect, then a handshake with SNI, ALPN and validation against <see cref="TlsTransportOptions.CaCertificate"/> alone.</summary>
    /// <exception cref="AuthenticationException">The handshake failed, the chain does not end at the CA, the name does not match, or the server chose no offered ALPN protocol.</exception>
    /// <exception cref="TimeoutException">Connect and handshake took longer than <see cref="TlsTransportOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="SocketException">The TCP connection failed.</exception>
    public static async Task<TlsTransport> ConnectAsync(TlsTransportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.CaCertificate is null)
        {
            throw new ArgumentException("TLS needs the CA certificate to validate the server against", nameof(options));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        TcpClient tcp = await OpenTcpAsync(options, timeout.Token, cancellationToken).ConfigureAwait(false);
        var ssl = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        try
        {
            var chainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            chainPolicy.CustomTrustStore.Add(options.CaCertificate);
            var authentication = new SslClientAuthenticationOptions
            {
                TargetHost = options.Host,
                ApplicationProtocols = options.Alpn.Select(p => new SslApplicationProtocol(p)).ToList(),
                CertificateChainPolicy = chainPolicy,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            };
            await ssl.AuthenticateAsClientAsync(authentication, timeout.Token).ConfigureAwait(false);

            string? alpn = ssl.NegotiatedApplicationProtocol == default ? null : ssl.NegotiatedApplicationProtocol.ToString();
            if (options.Alpn.Count > 0 && (alpn is null || !options.Alpn.Contains(alpn, StringComparer.Ordinal)))
            {
                // AWS IoT Core on 443 routes by ALPN; without "mqtt" it would take the MQTT bytes for HTTPS and drop them.
                throw new AuthenticationException($"{options.Host}:{options.Port} chose no offered ALPN protocol (offered: {string.Join(", ", options.Alpn)})");
            }

            tcp.Client.SendTimeout = (int)options.WriteTimeout.TotalMilliseconds;
            return new TlsTransport(tcp, ssl, alpn);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            tcp.Dispose();
            throw new TimeoutException($"TLS handshake with {options.Host}:{options.Port} took longer than {options.ConnectTimeout}", ex);
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            tcp.Dispose();
            throw;
        }
    }

    /// <summary>Opens a plain TCP connection (no TLS, the TLS options ignored): for brokers on loopback and tests.</summary>
    /// <exception cref="TimeoutException">The connect took longer than <see cref="TlsTransportOptions.ConnectTimeout"/>.</exception>
    /// <exception cref="SocketException">The TCP connection failed.</exception>
    public static async Task<TlsTransport> ConnectPlainAsync(TlsTransportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        TcpClient tcp = await OpenTcpAsync(options, timeout.Token, cancellationToken).ConfigureAwait(false);
        tcp.Client.SendTimeout = (int)options.WriteTimeout.TotalMilliseconds;
        return new TlsTransport(tcp, tcp.GetStream(), null);
    }

    /// <summary>Blocking <see cref="ConnectAsync"/>, for callers on a plain thread such as the device session.</summary>
    public static TlsTransport Connect(TlsTransportOptions options) => ConnectAsync(options).GetAwaiter().GetResult();

    /// <inheritdoc/>
    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(timeoutMs);
        if (offset < 0 || count < 0 || offset > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "range outside the array");
        }

        lock (gate)
        {
            long deadline = Environment.TickCount64 + timeoutMs;
            while (this.count == 0 || closedLocally)
            {
                if (closedLocally)
                {
                    throw new TransportClosedException("the connection was closed locally");
                }

                if (closedByPeer)
                {
                    throw new TransportClosedException(closeReason);
                }

                long left = deadline - Environment.TickCount64;
                if (left <= 0)
                {
                    return 0;
                }

                Monitor.Wait(gate, (int)Math.Min(left, int.MaxValue));
            }

            bool wasFull = this.count == ring.Length;
            int taken = Math.Min(count, this.count);
            int first = Math.Min(taken, ring.Length - head);
            Buffer.BlockCopy(ring, head, buffer, offset, first);
            Buffer.BlockCopy(ring, 0, buffer, offset + first, taken - first);
            head = (head + taken) % ring.Length;
            this.count -= taken;
            if (wasFull)
            {
                roomFreed.Release();
            }

            return taken;
        }
    }

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        lock (writeGate)
        {
            lock (gate)
            {
                if (closedLocally || closedByPeer)
                {
                    throw new TransportClosedException(closedLocally ? "the connection was closed locally" : closeReason);
                }
            }

            try
            {
                stream.Write(buffer, offset, count);
                stream.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
            {
                Ended("write failed: " + ex.Message);
                throw new TransportClosedException("write failed: " + ex.Message);
            }
        }
    }

    /// <inheritdoc/>
    public void Close()
    {
        lock (gate)
        {
            if (closedLocally)
            {
                return;
            }

            closedLocally = true;
            Monitor.PulseAll(gate);
        }

        stopping.Cancel();
        stream.Dispose();
        client.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Close();
        stopping.Dispose();
        roomFreed.Dispose();
    }

    private static async Task<TcpClient> OpenTcpAsync(TlsTransportOptions options, CancellationToken timeoutToken, CancellationToken callerToken)
    {
        if (string.IsNullOrEmpty(options.Host))
        {
            throw new ArgumentException("the host name is required: it is the SNI and the name the certificate must carry", nameof(options));
        }

        TcpClient tcp = options.LocalAddress is null ? new TcpClient() : new TcpClient(new IPEndPoint(options.LocalAddress, 0));
        try
        {
            if (options.RemoteAddress is null)
            {
                await tcp.ConnectAsync(options.Host, options.Port, timeoutToken).ConfigureAwait(false);
            }
            else
            {
                await tcp.ConnectAsync(options.RemoteAddress, options.Port, timeoutToken).ConfigureAwait(false);
            }

            tcp.NoDelay = true;
            return tcp;
        }
        catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested)
        {
            tcp.Dispose();
            throw new TimeoutException($"TCP connect to {options.Host}:{options.Port} took longer than {options.ConnectTimeout}", ex);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    // Moves bytes from the socket into the ring until the peer closes or Close is called; waits (without
    // reading) while the ring is full, so a reader that falls behind holds the sender back instead of
    // growing memory.
    private async Task PumpAsync()
    {
        byte[] chunk = new byte[ChunkBytes];
        try
        {
            while (true)
            {
                int room;
                lock (gate)
                {
                    if (closedLocally)
                    {
                        return;
                    }

                    room = ring.Length - count;
                }

                if (room == 0)
                {
                    await roomFreed.WaitAsync(stopping.Token).ConfigureAwait(false);
                    continue;
                }

                int read = await stream.ReadAsync(chunk.AsMemory(0, Math.Min(room, chunk.Length)), stopping.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    Ended("the peer closed the connection");
                    return;
                }

                lock (gate)
                {
                    int tail = (head + count) % ring.Length;
                    int first = Math.Min(read, ring.Length - tail);
                    Buffer.BlockCopy(chunk, 0, ring, tail, first);
                    Buffer.BlockCopy(chunk, first, ring, 0, read - first);
                    count += read;
                    Monitor.PulseAll(gate);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException or AuthenticationException)
        {
            Ended("the connection failed: " + ex.Message);
        }
    }

    private void Ended(string reason)
    {
        lock (gate)
        {
            if (!closedByPeer && !closedLocally)
            {
                closeReason = reason;
            }

            closedByPeer = true;
            Monitor.PulseAll(gate);
        }
    }
}
