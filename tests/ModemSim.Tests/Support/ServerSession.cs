using System.Net;

namespace CellularIot.ModemSim.Tests.Support;

/// <summary>One connection an <see cref="EchoServer"/> accepted: what the client offered and what went through.</summary>
internal sealed class ServerSession
{
    private readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long bytesIn;
    private long bytesOut;

    public ServerSession(IPEndPoint remote) => Remote = remote;

    public IPEndPoint Remote { get; }

    /// <summary>The SNI the client sent; empty when none.</summary>
    public string Sni { get; set; } = string.Empty;

    /// <summary>The ALPN protocol negotiated; empty when none.</summary>
    public string Alpn { get; set; } = string.Empty;

    public bool HandshakeSucceeded { get; set; }

    /// <summary>Bytes read from TCP (TLS records included).</summary>
    public long BytesIn => Interlocked.Read(ref bytesIn);

    /// <summary>Bytes written to TCP.</summary>
    public long BytesOut => Interlocked.Read(ref bytesOut);

    public CancellationTokenSource Closer { get; } = new();

    /// <summary>Whether the client closed (or the connection ended).</summary>
    public bool WaitEnded(int timeoutMs) => ended.Task.Wait(timeoutMs);

    /// <summary>The server closes the connection (a peer close for the module).</summary>
    public void Close() => Closer.Cancel();

    public void AddIn(int count) => Interlocked.Add(ref bytesIn, count);

    public void AddOut(int count) => Interlocked.Add(ref bytesOut, count);

    public void MarkEnded() => ended.TrySetResult();
}
