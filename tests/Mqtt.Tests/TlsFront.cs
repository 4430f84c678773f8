using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace CellularIot.Mqtt.Tests;

/// <summary>
/// What AWS IoT Core's port 443 looks like to the device, on loopback: a TLS server (SslStream) that
/// requires SNI and ALPN "mqtt", records what each client sent in its handshake, and relays the
/// decrypted bytes to the broker's plain TCP port. With <see cref="CloseAfterFirstBytes"/> it instead
/// closes the connection as soon as the client speaks, as AWS does when a custom authorizer refuses.
/// </summary>
internal sealed class TlsFront : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly X509Certificate2 certificate;
    private readonly int brokerPort;
    private readonly string[] alpn;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentBag<Task> connections = [];
    private readonly Task accepting;

    private TlsFront(X509Certificate2 certificate, int brokerPort, string[] alpn)
    {
        this.certificate = certificate;
        this.brokerPort = brokerPort;
        this.alpn = alpn;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The TLS port on 127.0.0.1.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Each handshake: the SNI host name the client sent (null when none) and the ALPN protocol agreed.</summary>
    public ConcurrentQueue<(string? Sni, string Alpn, IPEndPoint Remote)> Handshakes { get; } = new();

    /// <summary>
    /// The handshakes once <paramref name="count"/> of them are recorded: the client may finish its side of a handshake
    /// before this front has recorded its own.
    /// </summary>
    public IReadOnlyList<(string? Sni, string Alpn, IPEndPoint Remote)> WaitForHandshakes(int count)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (Handshakes.Count < count && Environment.TickCount64 < deadline)
        {
            Thread.Sleep(10);
        }

        return [.. Handshakes];
    }

    /// <summary>Close every connection as soon as the client sends its first bytes (no CONNACK ever).</summary>
    public bool CloseAfterFirstBytes { get; set; }

    /// <summary>Starts a front that offers <paramref name="alpn"/> (default "mqtt") and relays to <paramref name="brokerPort"/>.</summary>
    public static TlsFront Start(X509Certificate2 certificate, int brokerPort, params string[] alpn) =>
        new(certificate, brokerPort, alpn.Length == 0 ? ["mqtt"] : alpn);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        await Task.WhenAll(connections.Append(accepting)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            connections.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        using (var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false))
        {
            try
            {
                var options = new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    ApplicationProtocols = alpn.Select(p => new SslApplicationProtocol(p)).ToList(),
                };
                await tls.AuthenticateAsServerAsync(options, stopping.Token).ConfigureAwait(false);
                Handshakes.Enqueue((string.IsNullOrEmpty(tls.TargetHostName) ? null : tls.TargetHostName, tls.NegotiatedApplicationProtocol.ToString(), (IPEndPoint)client.Client.RemoteEndPoint!));
                if (CloseAfterFirstBytes)
                {
                    await tls.ReadAtLeastAsync(new byte[64], 1, throwOnEndOfStream: false, stopping.Token).ConfigureAwait(false);
                    return;
                }

                using var broker = new TcpClient();
                await broker.ConnectAsync(IPAddress.Loopback, brokerPort, stopping.Token).ConfigureAwait(false);
                NetworkStream plain = broker.GetStream();

                // Either direction ending ends both, as a TLS terminator does.
                using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                Task up = tls.CopyToAsync(plain, done.Token);
                Task down = plain.CopyToAsync(tls, done.Token);
                await Task.WhenAny(up, down).ConfigureAwait(false);
                await done.CancelAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
            {
                // The client went away or the handshake failed: the test sees that from the client side.
            }
        }
    }
}
