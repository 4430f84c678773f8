using CellularIot.At;

namespace CellularIot.Runner;

/// <summary>
/// Counts what crosses the serial line to the modem: bytes each way and AT command lines written (the AT layer
/// writes each command line, "AT...\r", in one call, and a send's raw bytes in another). Safe for the AT layer's
/// one reader and one writer.
/// </summary>
public sealed class CountingLink(IByteLink inner) : IByteLink
{
    private long bytesToModem;
    private long bytesFromModem;
    private int commands;

    /// <summary>Bytes written to the modem.</summary>
    public long BytesToModem => Interlocked.Read(ref bytesToModem);

    /// <summary>Bytes read from the modem.</summary>
    public long BytesFromModem => Interlocked.Read(ref bytesFromModem);

    /// <summary>AT command lines written.</summary>
    public int Commands => Volatile.Read(ref commands);

    /// <inheritdoc/>
    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        int read = inner.Read(buffer, offset, count, timeoutMs);
        Interlocked.Add(ref bytesFromModem, read);
        return read;
    }

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        inner.Write(buffer, offset, count);
        Interlocked.Add(ref bytesToModem, count);
        if (count >= 3 && (buffer[offset] | 0x20) == 'a' && (buffer[offset + 1] | 0x20) == 't' && buffer[offset + count - 1] == '\r')
        {
            Interlocked.Increment(ref commands);
        }
    }
}
