using System.Net;
using CellularIot.ModemSim.Net;

namespace CellularIot.ModemSim;

/// <summary>
/// One socket the module opened with CAOPEN: where it went, how it ended, and the bytes it moved at TCP level
/// (TLS records and handshakes included), for data-budget figures. Kept after the socket closes.
/// </summary>
public sealed class SocketRecord
{
    private readonly TcpCounters totals;
    private long sent;
    private long received;

    internal SocketRecord(int cid, string host, int port, bool tls, DateTimeOffset openedAt, TcpCounters totals)
    {
        Cid = cid;
        Host = host;
        Port = port;
        Tls = tls;
        OpenedAt = openedAt;
        this.totals = totals;
    }

    /// <summary>The connection id (0..11).</summary>
    public int Cid { get; }

    /// <summary>The host the firmware named in CAOPEN.</summary>
    public string Host { get; }

    /// <summary>The port the firmware named in CAOPEN.</summary>
    public int Port { get; }

    /// <summary>Whether the socket ran TLS (AT+CASSLCFG=&lt;cid&gt;,"SSL",1).</summary>
    public bool Tls { get; }

    /// <summary>When CAOPEN was accepted.</summary>
    public DateTimeOffset OpenedAt { get; }

    /// <summary>The CAOPEN result reported (0 connected, 20..27 failures); null while connecting.</summary>
    public int? OpenResult { get; internal set; }

    /// <summary>The local end of the TCP connection (shows the bound source address); null before connecting.</summary>
    public IPEndPoint? LocalEndPoint { get; internal set; }

    /// <summary>The address actually connected to (after the host map).</summary>
    public IPEndPoint? RemoteEndPoint { get; internal set; }

    /// <summary>The SNI offered; null when none.</summary>
    public string? Sni { get; internal set; }

    /// <summary>The ALPN protocol the server chose; null when none was negotiated.</summary>
    public string? NegotiatedAlpn { get; internal set; }

    /// <summary>Whether the socket is closed (by CACLOSE, the peer, PDP loss or power loss).</summary>
    public bool IsClosed { get; internal set; }

    /// <summary>Bytes written to TCP.</summary>
    public long BytesSent => Interlocked.Read(ref sent);

    /// <summary>Bytes read from TCP.</summary>
    public long BytesReceived => Interlocked.Read(ref received);

    internal void AddSent(int count)
    {
        Interlocked.Add(ref sent, count);
        totals.AddSent(count);
    }

    internal void AddReceived(int count)
    {
        Interlocked.Add(ref received, count);
        totals.AddReceived(count);
    }
}
