using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CellularIot.Host.ByteCounting;

namespace CellularIot.CloudSim.Tls;

/// <summary>
/// A TLS server on one address and port that accepts only its own host name as SNI (a handshake without SNI, or
/// with another name, is refused by closing the connection), offers the given ALPN protocols, counts bytes, and
/// hands each established connection to a handler.
/// </summary>
internal sealed class TlsListener : IAsyncDisposable
{
    private readonly CloudService service;
    private readonly string hostName;
    private readonly SslServerAuthenticationOptions tlsOptions;
    private readonly Func<ConnectionRecord, SslStream, CancellationToken, Task> handler;
    private readonly CloudContext context;
    private readonly Socket listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<long, (ConnectionRecord Record, Task Task)> live = new();
    private Task? acceptLoop;

    public TlsListener(
        CloudService service,
        IPEndPoint bind,
        string hostName,
        X509Certificate2 certificate,
        IReadOnlyList<X509Certificate2> chain,
        IReadOnlyList<SslApplicationProtocol> protocols,
        Func<ConnectionRecord, SslStream, CancellationToken, Task> handler,
        CloudContext context)
    {
        this.service = service;
        this.hostName = hostName;
        this.handler = handler;
        this.context = context;
        tlsOptions = new SslServerAuthenticationOptions
        {
            // The certificate and the chain above it, as AWS IoT Core sends them; no session resumption, which AWS
            // does not offer either, so every connection costs a full handshake here as there.
            ServerCertificateContext = SslStreamCertificateContext.Create(certificate, [.. chain], offline: true),
            AllowTlsResume = false,
            ApplicationProtocols = [.. protocols],
            ClientCertificateRequired = false,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        };
        listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(bind);
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public void Start()
    {
        listener.Listen(64);
        acceptLoop = Task.Run(() => AcceptLoopAsync(stopping.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Close();
        foreach ((ConnectionRecord record, Task _) in live.Values)
        {
            record.Close("the simulated cloud stopped", context.Now);
        }

        Task[] pending = [.. live.Values.Select(v => v.Task), acceptLoop ?? Task.CompletedTask];
        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            socket.NoDelay = true;
            ConnectionRecord record = context.Register(service, socket);
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task task = ServeAsync(record, socket, started.Task, cancellationToken);
            live[record.Id] = (record, task);
            started.SetResult();
        }
    }

    private async Task ServeAsync(ConnectionRecord record, Socket socket, Task started, CancellationToken cancellationToken)
    {
        await started.ConfigureAwait(false);
        string reason = "closed";
        try
        {
            var counting = new CountingStream(new NetworkStream(socket, ownsSocket: true), record.CountIn, record.CountOut);
            var tls = new SslStream(counting, leaveInnerStreamOpen: false);
            await using ConfiguredAsyncDisposable disposeTls = tls.ConfigureAwait(false);
            string? sniSeen = null;
            string? sniRefusal = null;
            try
            {
                using var handshakeTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                handshakeTimeout.CancelAfter(context.Options.HandshakeTimeout);
                await tls.AuthenticateAsServerAsync(
                    (_, hello, _, _) =>
                    {
                        sniSeen = string.IsNullOrEmpty(hello.ServerName) ? null : hello.ServerName;
                        if (string.Equals(sniSeen, hostName, StringComparison.OrdinalIgnoreCase))
                        {
                            return ValueTask.FromResult(tlsOptions);
                        }

                        sniRefusal = sniSeen is null ? $"no SNI (this endpoint requires SNI {hostName})" : $"wrong SNI '{sniSeen}' (expected {hostName})";
                        return ValueTask.FromException<SslServerAuthenticationOptions>(new AuthenticationException(sniRefusal));
                    },
                    null,
                    handshakeTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException or SocketException)
            {
                record.SetTls(sniSeen, null);
                reason = "TLS refused: " + (sniRefusal ?? "handshake failed: " + (e.InnerException?.Message ?? e.Message));
                context.Events.Add(record.Id, CloudEventKind.TlsRefused, null, $"{record.Remote} -> {service}: {reason}");
                return;
            }

            string? alpn = tls.NegotiatedApplicationProtocol == default ? null : tls.NegotiatedApplicationProtocol.ToString();
            record.SetTls(sniSeen, alpn);
            context.Events.Add(
                record.Id, CloudEventKind.ConnectionOpened, null,
                $"{record.Remote} -> {service} (SNI {sniSeen}, ALPN {alpn ?? "none"}, {tls.SslProtocol})");
            await handler(record, tls, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            reason = "connection lost: " + e.Message;
        }
#pragma warning disable CA1031 // A fault in one connection's handling must end that connection, never the listener.
        catch (Exception e)
#pragma warning restore CA1031
        {
            reason = $"simulated cloud fault: {e.GetType().Name}: {e.Message}";
        }
        finally
        {
            record.Close(reason, context.Now);
            live.TryRemove(record.Id, out _);
            ConnectionStats stats = record.Snapshot();
            context.Events.Add(
                record.Id, CloudEventKind.ConnectionClosed, stats.ClientId,
                $"{stats.Protocol} {record.Remote}: {stats.CloseReason}; {stats.BytesIn} bytes in, {stats.BytesOut} bytes out");
        }
    }
}
