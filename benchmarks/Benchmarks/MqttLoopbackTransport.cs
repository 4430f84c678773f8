using CellularIot.Net;

namespace CellularIot.Benchmarks;

/// <summary>
/// An in-memory broker for the MQTT benchmarks that allocates nothing after construction: it answers
/// every QoS 1 PUBLISH it is sent with a PUBACK, and hands out bytes queued with <see cref="Queue"/>.
/// </summary>
public sealed class MqttLoopbackTransport : ITransport
{
    private readonly byte[] inbound = new byte[8192];
    private int readAt;
    private int filled;

    /// <summary>Bytes of the last write (one whole packet).</summary>
    public int LastWriteLength { get; private set; }

    /// <summary>All bytes written.</summary>
    public long BytesWritten { get; private set; }

    /// <inheritdoc/>
    public bool IsOpen => true;

    /// <summary>Queues bytes for the client to read.</summary>
    public void Queue(byte[] bytes, int offset, int count)
    {
        if (readAt == filled)
        {
            readAt = 0;
            filled = 0;
        }

        Buffer.BlockCopy(bytes, offset, inbound, filled, count);
        filled += count;
    }

    /// <inheritdoc/>
    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        int n = Math.Min(count, filled - readAt);
        Buffer.BlockCopy(inbound, readAt, buffer, offset, n);
        readAt += n;
        return n;
    }

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        LastWriteLength = count;
        BytesWritten += count;
        if ((buffer[offset] & 0xF6) == 0x32)
        {
            // A QoS 1 PUBLISH: skip the remaining length and the topic, read the packet identifier, answer PUBACK.
            int at = offset + 1;
            while ((buffer[at] & 0x80) != 0)
            {
                at++;
            }

            at++;
            at += 2 + ((buffer[at] << 8) | buffer[at + 1]);
            if (readAt == filled)
            {
                readAt = 0;
                filled = 0;
            }

            inbound[filled++] = 0x40;
            inbound[filled++] = 0x02;
            inbound[filled++] = buffer[at];
            inbound[filled++] = buffer[at + 1];
        }
    }

    /// <inheritdoc/>
    public void Close()
    {
    }
}
