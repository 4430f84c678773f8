namespace CellularIot.ModemSim.Core;

/// <summary>
/// One direction of an in-memory serial line: a bounded ring of bytes. Reads wait on a monitor (never spin) for at
/// most their timeout; a writer waits while the ring is full, as a UART with flow control would.
/// </summary>
internal sealed class ByteChannel
{
    private readonly object gate = new();
    private readonly byte[] ring;
    private int head;
    private int count;
    private bool readerClosed;
    private bool writerClosed;

    public ByteChannel(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ring = new byte[capacity];
    }

    /// <summary>Reads what is there, waiting up to <paramref name="timeoutMs"/> for a first byte; 0 when none came.</summary>
    public int Read(byte[] buffer, int offset, int length, int timeoutMs)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, buffer.Length - offset);
        long deadline = Environment.TickCount64 + Math.Max(0, timeoutMs);
        lock (gate)
        {
            while (true)
            {
                ObjectDisposedException.ThrowIf(readerClosed, this);
                if (count > 0 && length > 0)
                {
                    int taken = Math.Min(length, count);
                    for (int i = 0; i < taken; i++)
                    {
                        buffer[offset + i] = ring[(head + i) % ring.Length];
                    }

                    head = (head + taken) % ring.Length;
                    count -= taken;
                    Monitor.PulseAll(gate);
                    return taken;
                }

                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || length == 0)
                {
                    return 0;
                }

                Monitor.Wait(gate, (int)remaining);
            }
        }
    }

    /// <summary>Appends every byte, waiting while the ring is full. Bytes for a reader that is gone are dropped.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        lock (gate)
        {
            int index = 0;
            while (index < bytes.Length)
            {
                ObjectDisposedException.ThrowIf(writerClosed, this);
                if (readerClosed)
                {
                    return;
                }

                if (count == ring.Length)
                {
                    Monitor.Wait(gate);
                    continue;
                }

                while (index < bytes.Length && count < ring.Length)
                {
                    ring[(head + count) % ring.Length] = bytes[index++];
                    count++;
                }

                Monitor.PulseAll(gate);
            }
        }
    }

    /// <summary>The reading end is gone: its reads fail, and bytes written from now on are dropped.</summary>
    public void CloseReader()
    {
        lock (gate)
        {
            readerClosed = true;
            count = 0;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>The writing end is gone: its writes fail; the reader still gets what is buffered, then only timeouts.</summary>
    public void CloseWriter()
    {
        lock (gate)
        {
            writerClosed = true;
            Monitor.PulseAll(gate);
        }
    }
}
