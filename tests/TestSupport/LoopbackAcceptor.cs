using System.Net;
using System.Net.Sockets;

namespace CellularIot.TestSupport;

/// <summary>
/// A TCP listener on 127.0.0.1 (a free port) that hands every accepted socket to the test server's handler, until
/// disposed. The handler owns the socket.
/// </summary>
public sealed class LoopbackAcceptor : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();

    /// <summary>Starts listening; <paramref name="serve"/> gets each socket and a token cancelled on dispose.</summary>
    public LoopbackAcceptor(Func<Socket, CancellationToken, Task> serve)
    {
        listener.Start();
        _ = AcceptLoopAsync(serve);
    }

    /// <summary>The address and port listened on.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)listener.LocalEndpoint;

    /// <summary>Stops accepting and cancels the token every handler was given.</summary>
    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
    }

    private async Task AcceptLoopAsync(Func<Socket, CancellationToken, Task> serve)
    {
        try
        {
            while (true)
            {
                Socket client = await listener.AcceptSocketAsync(stop.Token).ConfigureAwait(false);
                _ = serve(client, stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }
}
