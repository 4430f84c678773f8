using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using CellularIot.CloudSim.Auth;
using CellularIot.CloudSim.Tls;
using MQTTnet.Channel;

namespace CellularIot.CloudSim.Mqtt;

/// <summary>
/// The broker's view of one client connection (MQTT over TLS, or over a WebSocket), with what AWS enforces below
/// the broker: the first packet must be CONNECT (MQTT 3.1.1 or 5), no QoS 2 or retained will, the keep-alive
/// clamped and enforced here (silence longer than 1.5 times the clamped value drops the client), the token's expiry
/// (disconnectAfterInSeconds), and closing without another byte once a rule is broken.
/// </summary>
internal sealed class FrontChannel : IMqttChannel
{
    private const int MaxConnectBytes = 64 * 1024;

    private readonly Stream stream;
    private readonly CloudContext context;
    private readonly TimeProvider time;
    private readonly Lock timerGate = new();
    private bool connectSeen;
    private byte[]? pendingConnect;
    private int pendingOffset;
    private long lastReceived;
    private ITimer? watchdog;
    private ITimer? expiry;
    private int closed;

    public FrontChannel(ConnectionRecord connection, Stream stream, CloudContext context, AuthorizerCredentials? transportCredentials)
    {
        Connection = connection;
        this.stream = stream;
        this.context = context;
        time = context.Options.TimeProvider;
        TransportCredentials = transportCredentials;
        lastReceived = time.GetTimestamp();
    }

    public ConnectionRecord Connection { get; }

    /// <summary>Credentials that came with the WebSocket upgrade (headers or query), or null to use the CONNECT username.</summary>
    public AuthorizerCredentials? TransportCredentials { get; }

    public string? ClientId { get; private set; }

    public int RequestedKeepAliveSeconds { get; private set; }

    public TimeSpan EffectiveKeepAlive { get; private set; }

    public X509Certificate2? ClientCertificate => null;

    public EndPoint RemoteEndPoint => Connection.Remote;

    public EndPoint LocalEndPoint => Connection.Local;

    public bool IsSecureConnection => true;

    public bool IsClosed => Volatile.Read(ref closed) != 0;

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DisconnectAsync(CancellationToken cancellationToken)
    {
        Close(null, "the MQTT session ended");
        return Task.CompletedTask;
    }

    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (!connectSeen)
        {
            pendingConnect = await ReadConnectAsync(cancellationToken).ConfigureAwait(false);
            connectSeen = true;
        }

        if (pendingConnect is not null && pendingOffset < pendingConnect.Length)
        {
            int n = Math.Min(count, pendingConnect.Length - pendingOffset);
            Array.Copy(pendingConnect, pendingOffset, buffer, offset, n);
            pendingOffset += n;
            return n;
        }

        if (pendingConnect is null)
        {
            return 0;
        }

        int read = await stream.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
        if (read > 0)
        {
            Volatile.Write(ref lastReceived, time.GetTimestamp());
        }

        return read;
    }

    public async Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken)
    {
        // After a refusal nothing more may reach the client: no CONNACK after a failed authorization, no SUBACK
        // or PUBACK after a policy violation. AWS just closes.
        ObjectDisposedException.ThrowIf(IsClosed, this);

        // One write per packet, so that over a WebSocket a packet travels as one message.
        ReadOnlyMemory<byte> bytes = buffer.IsSingleSegment ? buffer.First : buffer.ToArray();
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        if (isEndOfPacket)
        {
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records the authorized client and schedules the drop at the token's expiry (disconnectAfterInSeconds).</summary>
    public void Authorize(string clientId, DateTimeOffset expires)
    {
        ClientId = clientId;
        Connection.SetClientId(clientId);
        TimeSpan after = expires - time.GetUtcNow();
        lock (timerGate)
        {
            if (IsClosed)
            {
                return;
            }

            expiry = time.CreateTimer(
                _ => Close(CloudEventKind.TokenExpired, $"the token expired at {expires:u}: disconnectAfterInSeconds ({after.TotalSeconds:0}) elapsed"),
                null,
                after > TimeSpan.Zero ? after : TimeSpan.Zero,
                Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Closes the connection at once, logging <paramref name="kind"/> with <paramref name="reason"/> (null kind: no
    /// event) for <paramref name="clientId"/> (default: the authorized client). False when it was already closed.
    /// </summary>
    public bool Close(CloudEventKind? kind, string reason, string? clientId = null)
    {
        if (Interlocked.Exchange(ref closed, 1) != 0)
        {
            return false;
        }

        lock (timerGate)
        {
            watchdog?.Dispose();
            expiry?.Dispose();
        }

        if (kind is not null)
        {
            context.Events.Add(Connection.Id, kind.Value, clientId ?? ClientId, reason);
        }

        Connection.Close(reason, context.Now);
        stream.Dispose();
        return true;
    }

    public void Dispose() => Close(null, "the MQTT session ended");

    /// <summary>
    /// Reads the whole first packet and checks it is an acceptable CONNECT; returns it with its keep-alive field set
    /// to 0, because this layer, not the broker, applies AWS's clamped keep-alive. Null when the connection ended.
    /// </summary>
    private async Task<byte[]?> ReadConnectAsync(CancellationToken cancellationToken)
    {
        byte[] header = new byte[5];
        if (await stream.ReadAtLeastAsync(header.AsMemory(0, 1), 1, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) == 0)
        {
            return null;
        }

        if (header[0] != 0x10)
        {
            Close(CloudEventKind.ProtocolViolation, $"the first packet (type byte 0x{header[0]:X2}) is not CONNECT");
            return null;
        }

        int length = 0;
        int used = 1;
        for (int shift = 0; ; shift += 7)
        {
            if (used == 5)
            {
                Close(CloudEventKind.ProtocolViolation, "the CONNECT remaining length is malformed");
                return null;
            }

            await stream.ReadExactlyAsync(header.AsMemory(used, 1), cancellationToken).ConfigureAwait(false);
            length |= (header[used] & 0x7F) << shift;
            used++;
            if ((header[used - 1] & 0x80) == 0)
            {
                break;
            }
        }

        if (length > MaxConnectBytes)
        {
            Close(CloudEventKind.ProtocolViolation, $"a CONNECT of {length} bytes is larger than {MaxConnectBytes} bytes");
            return null;
        }

        byte[] packet = new byte[used + length];
        header.AsSpan(0, used).CopyTo(packet);
        await stream.ReadExactlyAsync(packet.AsMemory(used), cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref lastReceived, time.GetTimestamp());

        string? refusal = CheckConnect(packet.AsSpan(used), out int keepAliveAt);
        if (refusal is not null)
        {
            Close(CloudEventKind.ProtocolViolation, refusal);
            return null;
        }

        int keepAliveIndex = used + keepAliveAt;
        RequestedKeepAliveSeconds = (packet[keepAliveIndex] << 8) | packet[keepAliveIndex + 1];
        packet[keepAliveIndex] = 0;
        packet[keepAliveIndex + 1] = 0;
        StartWatchdog();
        return packet;
    }

    /// <summary>Null when the CONNECT body is acceptable, else why not; <paramref name="keepAliveAt"/> is the keep-alive field's offset.</summary>
    private static string? CheckConnect(ReadOnlySpan<byte> body, out int keepAliveAt)
    {
        keepAliveAt = 0;
        if (body.Length < 2)
        {
            return "the CONNECT is truncated";
        }

        int nameLength = (body[0] << 8) | body[1];
        if (body.Length < 2 + nameLength + 4)
        {
            return "the CONNECT is truncated";
        }

        string protocol = System.Text.Encoding.ASCII.GetString(body.Slice(2, nameLength));
        byte level = body[2 + nameLength];
        byte flags = body[3 + nameLength];
        if (protocol != "MQTT" || level is not (4 or 5))
        {
            return $"protocol '{protocol}' level {level} is not supported (AWS IoT speaks MQTT 3.1.1 and 5)";
        }

        bool will = (flags & 0x04) != 0;
        int willQos = (flags >> 3) & 0x03;
        if (will && willQos == 2)
        {
            return "a QoS 2 will message closes the connection (AWS IoT supports QoS 0 and 1)";
        }

        if (will && (flags & 0x20) != 0)
        {
            return "a retained will message is refused: the 1NCE policy grants no iot:RetainPublish";
        }

        keepAliveAt = 4 + nameLength;
        return null;
    }

    private void StartWatchdog()
    {
        SimulatedCloudOptions options = context.Options;
        EffectiveKeepAlive = RequestedKeepAliveSeconds == 0
            ? options.KeepAliveMaximum
            : TimeSpan.FromSeconds(Math.Clamp(RequestedKeepAliveSeconds, options.KeepAliveMinimum.TotalSeconds, options.KeepAliveMaximum.TotalSeconds));
        TimeSpan limit = EffectiveKeepAlive * 1.5;
        TimeSpan period = TimeSpan.FromMilliseconds(Math.Clamp(EffectiveKeepAlive.TotalMilliseconds / 20, 50, 1000));
        lock (timerGate)
        {
            if (IsClosed)
            {
                return;
            }

            watchdog = time.CreateTimer(
                _ =>
                {
                    TimeSpan silent = time.GetElapsedTime(Volatile.Read(ref lastReceived));
                    if (silent > limit)
                    {
                        Close(
                            CloudEventKind.KeepAliveTimeout,
                            $"silent for {silent.TotalSeconds:0.0} s; keep-alive requested {RequestedKeepAliveSeconds} s, applied "
                            + $"{EffectiveKeepAlive.TotalSeconds:0.#} s, limit 1.5 x = {limit.TotalSeconds:0.#} s");
                    }
                },
                null,
                period,
                period);
        }
    }
}
