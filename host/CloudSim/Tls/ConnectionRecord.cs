using System.Net;
using System.Net.Sockets;

namespace CellularIot.CloudSim.Tls;

/// <summary>One accepted TCP connection: what it carried, its byte counts, and the means to close it at once.</summary>
internal sealed class ConnectionRecord(long id, CloudService service, Socket socket, DateTimeOffset opened)
{
    private readonly Lock gate = new();
    private long bytesIn;
    private long bytesOut;
    private string? serverName;
    private string? alpn;
    private ConnectionProtocol protocol = ConnectionProtocol.Tls;
    private string? clientId;
    private DateTimeOffset? closed;
    private string? closeReason;

    public long Id { get; } = id;

    public CloudService Service { get; } = service;

    public IPEndPoint Remote { get; } = (IPEndPoint)socket.RemoteEndPoint!;

    public IPEndPoint Local { get; } = (IPEndPoint)socket.LocalEndPoint!;

    public bool IsClosed
    {
        get
        {
            lock (gate)
            {
                return closed is not null;
            }
        }
    }

    public void CountIn(int count) => Interlocked.Add(ref bytesIn, count);

    public void CountOut(int count) => Interlocked.Add(ref bytesOut, count);

    public void SetTls(string? sni, string? negotiatedAlpn)
    {
        lock (gate)
        {
            serverName = sni;
            alpn = negotiatedAlpn;
        }
    }

    public void SetProtocol(ConnectionProtocol value)
    {
        lock (gate)
        {
            protocol = value;
        }
    }

    public void SetClientId(string value)
    {
        lock (gate)
        {
            clientId = value;
        }
    }

    /// <summary>Closes the socket now (no TLS close_notify, as a dropped connection); the first reason is kept.</summary>
    public void Close(string reason, DateTimeOffset now)
    {
        lock (gate)
        {
            if (closed is null)
            {
                closed = now;
                closeReason = reason;
            }
        }

        socket.Close();
    }

    public ConnectionStats Snapshot()
    {
        lock (gate)
        {
            return new ConnectionStats(
                Id, Service, Remote, serverName, alpn, protocol, clientId, Interlocked.Read(ref bytesIn), Interlocked.Read(ref bytesOut),
                opened, closed, closeReason);
        }
    }
}
