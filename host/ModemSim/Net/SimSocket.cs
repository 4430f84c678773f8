using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading.Channels;
using CellularIot.Host.ByteCounting;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim.Net;

/// <summary>
/// One CA socket's real network side: a TCP connection from the SIM's source address and, when configured, a TLS
/// session over it. Reads and writes run as tasks and report back through the event loop; received bytes wait in
/// <see cref="Buffer"/> for CARECV, and reading from TCP pauses while too many wait (TCP flow control does the rest).
/// </summary>
internal sealed class SimSocket : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource life = new();
    private readonly CancellationToken token;
    private readonly SemaphoreSlim space = new(0);
    private readonly Channel<byte[]> outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly int maxBuffered;
    private readonly EventLoop loop;
    private Socket? socket;
    private Stream? stream;
    private int buffered;
    private int queued;
    private bool disposed;

    public SimSocket(int cid, SocketRecord record, int maxBuffered, EventLoop loop)
    {
        Cid = cid;
        Record = record;
        this.maxBuffered = maxBuffered;
        this.loop = loop;
        token = life.Token;
    }

    public int Cid { get; }

    public SocketRecord Record { get; }

    /// <summary>Owned by the event loop.</summary>
    public SocketPhase Phase { get; set; } = SocketPhase.Connecting;

    /// <summary>Received bytes waiting for CARECV (owned by the event loop).</summary>
    public ReceiveBuffer Buffer { get; } = new();

    /// <summary>Whether +CADATAIND was sent since the last CARECV (owned by the event loop).</summary>
    public bool Indicated { get; set; }

    /// <summary>Bytes accepted by CASEND and not yet written to TCP.</summary>
    public int Queued => Volatile.Read(ref queued);

    /// <summary>Connects (and handshakes); returns the CAOPEN result code.</summary>
    public async Task<int> ConnectAsync(ConnectPlan plan)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
        deadline.CancelAfter(plan.TimeoutMs);
        CancellationToken cancel = deadline.Token;
        try
        {
            IPEndPoint? target = plan.Target ?? await ResolveAsync(plan.Host, plan.Port, cancel).ConfigureAwait(false);
            if (target is null)
            {
                return OpenResult.CannotResolve;
            }

            Socket tcp = Attach(new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp));
            if (plan.Source is not null)
            {
                tcp.Bind(new IPEndPoint(plan.Source, 0));
            }

            await tcp.ConnectAsync(target, cancel).ConfigureAwait(false);
            Record.LocalEndPoint = tcp.LocalEndPoint as IPEndPoint;
            Record.RemoteEndPoint = target;
            Stream counted = Attach(new CountingStream(new NetworkStream(tcp, ownsSocket: true), Record.AddReceived, Record.AddSent));
            return plan.Tls is null ? OpenResult.Ok : await HandshakeAsync(counted, plan.Tls, cancel).ConfigureAwait(false);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return OpenResult.Refused;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.AddressAlreadyInUse)
        {
            return OpenResult.SocketError;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            return OpenResult.ConnectFailed;
        }
    }

    /// <summary>Starts the read and write pumps; every callback is posted to the event loop.</summary>
    public void Start(Action<byte[]> onData, Action onClosed)
    {
        _ = ReceivePumpAsync(onData, onClosed);
        _ = SendPumpAsync(onClosed);
    }

    /// <summary>Queues CASEND's bytes for TCP, in order.</summary>
    public void Send(byte[] data)
    {
        Interlocked.Add(ref queued, data.Length);
        outbox.Writer.TryWrite(data);
    }

    /// <summary>CARECV: takes up to <paramref name="max"/> received bytes, clears the data indication, and lets the read pump go on if it paused.</summary>
    public byte[] Receive(int max)
    {
        Indicated = false;
        byte[] taken = Buffer.Take(max);
        int after = Interlocked.Add(ref buffered, -taken.Length);
        if (after + taken.Length >= maxBuffered && after < maxBuffered)
        {
            space.Release();
        }

        return taken;
    }

    /// <summary>Closes the network side; buffered bytes stay readable.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        Record.IsClosed = true;
        life.Cancel();
        outbox.Writer.TryComplete();
        stream?.Dispose();
        socket?.Dispose();
        life.Dispose();
    }

    private bool IsDisposed
    {
        get
        {
            lock (gate)
            {
                return disposed;
            }
        }
    }

    /// <summary>Keeps a network object for <see cref="Dispose"/>; one arriving after disposal is closed at once.</summary>
    private T Attach<T>(T resource)
        where T : IDisposable
    {
        lock (gate)
        {
            if (!disposed)
            {
                if (resource is Socket s)
                {
                    socket = s;
                }
                else
                {
                    stream = (Stream)(object)resource;
                }

                return resource;
            }
        }

        resource.Dispose();
        throw new ObjectDisposedException(nameof(SimSocket));
    }

    private static async Task<IPEndPoint?> ResolveAsync(string host, int port, CancellationToken cancel)
    {
        try
        {
            IPAddress[] addresses = await Dns.GetHostAddressesAsync(host, AddressFamily.InterNetwork, cancel).ConfigureAwait(false);
            return addresses.Length == 0 ? null : new IPEndPoint(addresses[0], port);
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private async Task<int> HandshakeAsync(Stream tcp, TlsPlan plan, CancellationToken cancel)
    {
        int verdict = OpenResult.ConnectFailed;
        var tls = new SslStream(tcp, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            // An empty target host sends no SNI, as the module does when none was configured.
            TargetHost = plan.Sni ?? string.Empty,
            EnabledSslProtocols = plan.Protocols,
            CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
            ApplicationProtocols = plan.Alpn.Count == 0 ? null : [.. plan.Alpn.Select(p => new SslApplicationProtocol(p))],
            RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            {
                verdict = TlsVerdict.Evaluate(certificate, chain, plan);
                return verdict == OpenResult.Ok;
            },
        };
        Record.Sni = plan.Sni;
        try
        {
            await tls.AuthenticateAsClientAsync(options, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            return verdict == OpenResult.Ok ? OpenResult.ConnectFailed : verdict;
        }

        Record.NegotiatedAlpn = tls.NegotiatedApplicationProtocol == default ? null : tls.NegotiatedApplicationProtocol.ToString();
        Attach<Stream>(tls);
        return OpenResult.Ok;
    }

    private async Task ReceivePumpAsync(Action<byte[]> onData, Action onClosed)
    {
        var chunk = new byte[4096];
        try
        {
            while (true)
            {
                while (Volatile.Read(ref buffered) >= maxBuffered)
                {
                    await space.WaitAsync(token).ConfigureAwait(false);
                }

                int read = await stream!.ReadAsync(chunk, token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                Interlocked.Add(ref buffered, read);
                byte[] data = chunk[..read];
                loop.Post(() => onData(data));
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A reset reads as a close below; a local close (CACLOSE, power loss) is not reported.
        }
        catch (Exception e)
        {
            loop.Report(e);
        }

        if (!IsDisposed)
        {
            loop.Post(onClosed);
        }
    }

    private async Task SendPumpAsync(Action onClosed)
    {
        try
        {
            await foreach (byte[] data in outbox.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                await stream!.WriteAsync(data, token).ConfigureAwait(false);
                await stream.FlushAsync(token).ConfigureAwait(false);
                Interlocked.Add(ref queued, -data.Length);
            }
        }
        catch (Exception e)
        {
            if (e is not (IOException or SocketException or OperationCanceledException or ObjectDisposedException))
            {
                loop.Report(e);
            }

            if (!IsDisposed)
            {
                loop.Post(onClosed);
            }
        }
    }
}
