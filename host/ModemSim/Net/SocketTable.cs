using System.Globalization;
using System.Net;
using System.Security.Authentication;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim.Net;

/// <summary>
/// The module's twelve CA sockets (cid 0..11): opening (with the PDP, host map, TLS settings and CA checks),
/// sending, buffering what arrives with its +CADATAIND, and closing with +CASTATE when the peer or the network goes.
/// Runs on the event loop; the history of every socket is readable from any thread.
/// </summary>
internal sealed class SocketTable(ModemCore modem)
{
    public const int Count = 12;

    private readonly SimSocket?[] slots = new SimSocket?[Count];
    private readonly Action?[] heldOks = new Action?[Count];
    private readonly Lock historyGate = new();
    private readonly List<SocketRecord> history = [];

    public TcpCounters Totals { get; } = new();

    public IReadOnlyList<SocketRecord> History
    {
        get
        {
            lock (historyGate)
            {
                return [.. history];
            }
        }
    }

    public SimSocket? this[int cid] => slots[cid];

    /// <summary>Whether <paramref name="cid"/> is connecting or connected (CAOPEN on it must fail).</summary>
    public bool IsBusy(int cid) => slots[cid] is { Phase: not SocketPhase.Closed };

    /// <summary>
    /// CAOPEN after its OK: reports +CAOPEN: &lt;cid&gt;,&lt;result&gt; when the connection is up or has failed. A firmware
    /// that holds its OK back passes it as <paramref name="heldOk"/>, sent right after the result.
    /// </summary>
    public void Open(int cid, string host, int port, Action? heldOk = null)
    {
        heldOks[cid] = heldOk;
        ModemSimOptions options = modem.Options;
        SocketConfig config = modem.Session.Sockets[cid];
        var record = new SocketRecord(cid, host, port, config.Ssl, DateTimeOffset.UtcNow, Totals);
        lock (historyGate)
        {
            history.Add(record);
        }

        IPEndPoint? target = Map(options, host, port);
        int? early = !modem.Network.PdpActive ? OpenResult.NetworkNotActive
            : target is null && !options.ResolveUnmappedHosts ? OpenResult.CannotResolve
            : null;
        if (early is int result)
        {
            record.OpenResult = result;
            record.IsClosed = true;
            ReportOpen(cid, result);
            return;
        }

        var plan = new ConnectPlan(host, target, port, options.SourceAddress, options.ConnectTimeoutMs, config.Ssl ? TlsPlanFor(cid, host) : null);
        slots[cid]?.Dispose();
        var socket = new SimSocket(cid, record, options.MaxReceiveBufferBytes, modem.Loop);
        slots[cid] = socket;
        _ = ConnectAsync(socket, plan);
    }

    /// <summary>CACLOSE: closes without any URC.</summary>
    public void Close(int cid)
    {
        slots[cid]?.Dispose();
        slots[cid] = null;
        heldOks[cid] = null;
    }

    /// <summary>The PDP context is gone: open sockets report +CASTATE: &lt;cid&gt;,0; connecting ones fail their CAOPEN.</summary>
    public void NetworkLost()
    {
        foreach (SimSocket? socket in slots)
        {
            switch (socket?.Phase)
            {
                case SocketPhase.Open:
                    PeerClosed(socket);
                    break;
                case SocketPhase.Connecting:
                    // Closing the network side makes the connect fail; its completion reports +CAOPEN: <cid>,27.
                    socket.Dispose();
                    break;
            }
        }
    }

    /// <summary>The injected peer close: the TCP connection really closes, and the module reports it.</summary>
    public bool ClosePeer(int cid)
    {
        if (slots[cid] is not { Phase: SocketPhase.Open } socket)
        {
            return false;
        }

        PeerClosed(socket);
        return true;
    }

    /// <summary>Power is gone: every socket closes without a word.</summary>
    public void DropAll()
    {
        for (int cid = 0; cid < Count; cid++)
        {
            Close(cid);
        }
    }

    private static IPEndPoint? Map(ModemSimOptions options, string host, int port)
    {
        foreach (string key in new[] { host + ":" + port.ToString(CultureInfo.InvariantCulture), host })
        {
            foreach ((string name, IPEndPoint endpoint) in options.HostMap)
            {
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                {
                    return new IPEndPoint(endpoint.Address, endpoint.Port == 0 ? port : endpoint.Port);
                }
            }
        }

        return IPAddress.TryParse(host, out IPAddress? literal) ? new IPEndPoint(literal, port) : null;
    }

    private TlsPlan TlsPlanFor(int cid, string host)
    {
        SocketConfig config = modem.Session.Sockets[cid];
        int context = config.ContextIndex ?? cid;
        SslContextConfig ssl = modem.Session.SslContexts[context];
        return new TlsPlan(
            host,
            ssl.Sni,
            modem.Options.Profile.SupportsAlpn ? ssl.Alpn : [],
            ssl.Version == 3 ? SslProtocols.Tls12 : SslProtocols.None,
            config.CaCert is null ? null : modem.Files.Trust(config.CaCert),
            modem.Clock.Now);
    }

    private async Task ConnectAsync(SimSocket socket, ConnectPlan plan)
    {
        int result;
        try
        {
            result = await socket.ConnectAsync(plan).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Expected failures are already result codes; anything else is a simulator bug, reported, and the open fails.
            modem.Loop.Report(e);
            result = OpenResult.ConnectFailed;
        }
        finally
        {
            if (plan.Tls?.Trust is { } trust)
            {
                foreach (System.Security.Cryptography.X509Certificates.X509Certificate2 certificate in trust)
                {
                    certificate.Dispose();
                }
            }
        }

        if (!modem.Loop.Post(() => Connected(socket, result)))
        {
            socket.Dispose();
        }
    }

    private void Connected(SimSocket socket, int result)
    {
        int cid = socket.Cid;
        if (slots[cid] != socket)
        {
            // Closed (CACLOSE) or lost with the power while connecting: nothing is reported.
            socket.Dispose();
            return;
        }

        socket.Record.OpenResult = result;
        if (result != OpenResult.Ok)
        {
            slots[cid] = null;
            socket.Dispose();
            ReportOpen(cid, result);
            return;
        }

        socket.Phase = SocketPhase.Open;
        socket.Start(data => Arrived(socket, data), () => PeerClosedIfCurrent(socket));
        ReportOpen(cid, OpenResult.Ok);
    }

    private void ReportOpen(int cid, int result)
    {
        modem.Urc(modem.Dialect.OpenResultUrc(cid, result));
        Action? heldOk = heldOks[cid];
        heldOks[cid] = null;
        heldOk?.Invoke();
    }

    private void Arrived(SimSocket socket, byte[] data)
    {
        if (slots[socket.Cid] != socket)
        {
            return;
        }

        socket.Buffer.Add(data);
        if (!socket.Indicated)
        {
            socket.Indicated = true;
            modem.Urc(modem.Dialect.DataWaitingUrc(socket.Cid));
        }
    }

    private void PeerClosedIfCurrent(SimSocket socket)
    {
        if (slots[socket.Cid] == socket && socket.Phase == SocketPhase.Open)
        {
            PeerClosed(socket);
        }
    }

    private void PeerClosed(SimSocket socket)
    {
        socket.Phase = SocketPhase.Closed;
        socket.Dispose();
        modem.Urc(modem.Dialect.PeerClosedUrc(socket.Cid));
    }
}
