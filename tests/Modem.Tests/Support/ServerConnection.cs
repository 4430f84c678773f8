using System.Net.Security;
using System.Net.Sockets;
using CellularIot.Host.ByteCounting;
using Xunit;

namespace CellularIot.Modem.Tests.Support;

/// <summary>
/// One connection the <see cref="TlsServer"/> accepted: what the client offered in its handshake, the bytes at TCP
/// level (TLS records included) each way, and the plaintext the client sent, read in the background.
/// </summary>
internal sealed class ServerConnection : IDisposable
{
    private readonly object gate = new();
    private readonly List<byte> received = [];
    private long bytesIn;
    private long bytesOut;
    private bool ended;

    public ServerConnection(Socket client)
    {
        var counted = new CountingStream(
            new NetworkStream(client, ownsSocket: true),
            count => Interlocked.Add(ref bytesIn, count),
            count => Interlocked.Add(ref bytesOut, count));
        Tls = new SslStream(counted, leaveInnerStreamOpen: false);
    }

    public SslStream Tls { get; }

    /// <summary>The SNI the client sent; empty when none.</summary>
    public string Sni { get; set; } = string.Empty;

    /// <summary>The ALPN protocol agreed; empty when none.</summary>
    public string Alpn { get; set; } = string.Empty;

    public bool HandshakeSucceeded { get; set; }

    /// <summary>Why the handshake failed; null when it did not.</summary>
    public string? HandshakeError { get; private set; }

    /// <summary>Bytes read from TCP.</summary>
    public long BytesIn => Interlocked.Read(ref bytesIn);

    /// <summary>Bytes written to TCP.</summary>
    public long BytesOut => Interlocked.Read(ref bytesOut);

    /// <summary>Waits for exactly <paramref name="count"/> plaintext bytes from the client.</summary>
    public byte[] ReadExactly(int count, int timeoutMs = 10000)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        lock (gate)
        {
            while (received.Count < count)
            {
                int remaining = (int)(deadline - Environment.TickCount64);
                Assert.True(remaining > 0 && !ended, $"The server got {received.Count} of {count} bytes.");
                Monitor.Wait(gate, remaining);
            }

            byte[] taken = [.. received.Take(count)];
            received.RemoveRange(0, count);
            return taken;
        }
    }

    /// <summary>Whether the client has closed the connection (or it broke) within <paramref name="timeoutMs"/>.</summary>
    public bool WaitEnded(int timeoutMs)
    {
        long deadline = Environment.TickCount64 + timeoutMs;
        lock (gate)
        {
            while (!ended)
            {
                int remaining = (int)(deadline - Environment.TickCount64);
                if (remaining <= 0)
                {
                    return false;
                }

                Monitor.Wait(gate, remaining);
            }

            return true;
        }
    }

    /// <summary>Sends plaintext to the client.</summary>
    public void Write(byte[] data)
    {
        Tls.Write(data);
        Tls.Flush();
    }

    /// <summary>Closes the connection from the server's side.</summary>
    public void Dispose() => Tls.Dispose();

    /// <summary>The handshake failed: the connection is over.</summary>
    public void Fail(string error)
    {
        HandshakeError = error;
        Dispose();
        lock (gate)
        {
            ended = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>Starts the background reader once the handshake is over.</summary>
    public void StartReading() => _ = ReadLoopAsync();

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await Tls.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (gate)
                {
                    received.AddRange(buffer.AsSpan(0, read));
                    Monitor.PulseAll(gate);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // The connection broke or the server closed it: it has ended either way.
        }

        lock (gate)
        {
            ended = true;
            Monitor.PulseAll(gate);
        }
    }
}
