using System.Net;
using System.Net.Sockets;

namespace CellularIot.Session.Tests.Support;

/// <summary>
/// A TCP relay between the modem simulator and the cloud that can make its open connections go dead: bytes are
/// swallowed both ways and nothing is closed, no FIN and no RST, as when a mobile network's NAT forgets a flow.
/// Only the keep-alive can find such a connection lost. Connections opened later are relayed normally. The relay
/// connects to the cloud from the SIM's address, so the cloud still sees the SIM.
/// </summary>
internal sealed class LinkBreaker : IAsyncDisposable
{
    private readonly Socket listener;
    private readonly IPEndPoint target;
    private readonly IPAddress source;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly List<Relay> relays = [];
    private readonly Task acceptLoop;
    private int breakAfterRecords;

    public LinkBreaker(IPEndPoint target, IPAddress source)
    {
        this.target = target;
        this.source = source;
        listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Where the modem simulator's host map sends the relayed host.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>Connections relayed so far.</summary>
    public int Opened
    {
        get
        {
            lock (gate)
            {
                return relays.Count;
            }
        }
    }

    /// <summary>
    /// Makes the next connection go dead as soon as the client has sent <paramref name="records"/> TLS application-data
    /// records (the last one still goes through): a way to lose exactly the answer to a given request.
    /// </summary>
    public void BreakNextConnectionAfterClientRecords(int records)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        Volatile.Write(ref breakAfterRecords, records);
    }

    /// <summary>Makes every connection open now go dead; returns how many it broke.</summary>
    public int BreakOpenConnections()
    {
        lock (gate)
        {
            int broken = 0;
            foreach (Relay relay in relays.Where(r => !r.Ended))
            {
                relay.Break();
                broken++;
            }

            return broken;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Dispose();
        Relay[] all;
        lock (gate)
        {
            all = [.. relays];
        }

        foreach (Relay relay in all)
        {
            relay.Dispose();
        }

        await acceptLoop;
        await Task.WhenAll(all.Select(r => r.Completion));
        stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                server.Bind(new IPEndPoint(source, 0));
                await server.ConnectAsync(target, stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            client.NoDelay = true;
            var relay = new Relay(client, server, Interlocked.Exchange(ref breakAfterRecords, 0), stopping.Token);
            lock (gate)
            {
                relays.Add(relay);
            }
        }
    }

    /// <summary>One relayed connection: two pumps, each copying one direction until its side ends.</summary>
    private sealed class Relay : IDisposable
    {
        private const byte ApplicationData = 23;

        private readonly Socket client;
        private readonly Socket server;
        private readonly int breakAfterRecords;
        private readonly byte[] recordHeader = new byte[5];
        private int headerBytes;
        private int recordLeft;
        private int recordsSeen;
        private int broken;
        private int ended;

        public Relay(Socket client, Socket server, int breakAfterRecords, CancellationToken stopping)
        {
            this.client = client;
            this.server = server;
            this.breakAfterRecords = breakAfterRecords;
            Completion = Task.WhenAll(
                Task.Run(() => PumpAsync(client, server, stopping), CancellationToken.None),
                Task.Run(() => PumpAsync(server, client, stopping), CancellationToken.None));
        }

        public Task Completion { get; }

        public bool Ended => Volatile.Read(ref ended) != 0;

        private bool IsBroken => Volatile.Read(ref broken) != 0;

        public void Break() => Volatile.Write(ref broken, 1);

        public void Dispose()
        {
            client.Dispose();
            server.Dispose();
        }

        private async Task PumpAsync(Socket from, Socket to, CancellationToken stopping)
        {
            byte[] buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    int read = await from.ReceiveAsync(buffer, SocketFlags.None, stopping);
                    if (read == 0)
                    {
                        // A clean close is passed on, unless the path is dead: then the far side hears nothing.
                        if (!IsBroken)
                        {
                            to.Shutdown(SocketShutdown.Send);
                        }

                        break;
                    }

                    if (!IsBroken)
                    {
                        await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stopping);
                    }

                    if (from == client && breakAfterRecords > 0 && CountRecords(buffer, read) >= breakAfterRecords)
                    {
                        Break();
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The relay stops with either side; a reset is not passed on while the path is dead.
                if (!IsBroken)
                {
                    to.Dispose();
                }
            }

            Volatile.Write(ref ended, 1);
        }

        // Follows the client's TLS record framing (5-byte header: type, version, length) across reads; returns how
        // many application-data records it has completed so far.
        private int CountRecords(byte[] bytes, int count)
        {
            int at = 0;
            while (at < count)
            {
                if (recordLeft > 0)
                {
                    int take = Math.Min(recordLeft, count - at);
                    recordLeft -= take;
                    at += take;
                    if (recordLeft == 0 && recordHeader[0] == ApplicationData)
                    {
                        recordsSeen++;
                    }

                    continue;
                }

                recordHeader[headerBytes++] = bytes[at++];
                if (headerBytes == recordHeader.Length)
                {
                    headerBytes = 0;
                    recordLeft = (recordHeader[3] << 8) | recordHeader[4];
                }
            }

            return recordsSeen;
        }
    }
}
