using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CellularIot.TestSupport;

/// <summary>
/// A TCP server on 127.0.0.1 that reads one request head and answers with fixed bytes, then closes: for
/// responses no real server sends (a body ended by the close, a lying Content-Length, garbage) and for
/// trickling bytes.
/// </summary>
public sealed class RawServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Task serving;

    private RawServer(byte[][] pieces, int pauseMs, bool closeAfter)
    {
        listener.Start();
        serving = ServeAsync(pieces, pauseMs, closeAfter);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The request head the client sent.</summary>
    public string Request { get; private set; } = string.Empty;

    /// <summary>Answers with <paramref name="response"/> and closes.</summary>
    public static RawServer Answering(string response) => new([Encoding.UTF8.GetBytes(response)], 0, closeAfter: true);

    /// <summary>Answers with <paramref name="pieces"/>, pausing between them, and closes only if <paramref name="closeAfter"/>.</summary>
    public static RawServer Trickling(byte[][] pieces, int pauseMs, bool closeAfter) => new(pieces, pauseMs, closeAfter);

    /// <summary>Waits until the answer has been sent (and the connection closed, if so configured).</summary>
    public Task Served => serving;

    public void Dispose() => listener.Dispose();

    private async Task ServeAsync(byte[][] pieces, int pauseMs, bool closeAfter)
    {
        using var client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
        var stream = client.GetStream();
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head) && await stream.ReadAsync(one).ConfigureAwait(false) == 1)
        {
            head.Add(one[0]);
        }

        Request = Encoding.ASCII.GetString([.. head]);
        foreach (byte[] piece in pieces)
        {
            await stream.WriteAsync(piece).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
            if (pauseMs > 0)
            {
                await Task.Delay(pauseMs).ConfigureAwait(false);
            }
        }

        if (!closeAfter)
        {
            // Hold the connection open and silent until the client gives up and closes it.
            while (await stream.ReadAsync(one).ConfigureAwait(false) > 0)
            {
            }
        }
    }

    private static bool EndsWithBlankLine(List<byte> head)
        => head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
