using CellularIot.At;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim;

/// <summary>
/// One end of an <see cref="InMemoryLinkPair"/>. Disposing it cuts the line: this end's reads and writes then fail
/// with <see cref="ObjectDisposedException"/>, while the other end's reads just time out and its writes vanish, as
/// with a UART whose far side is unplugged.
/// </summary>
public sealed class InMemoryLinkEnd : IByteLink, IDisposable
{
    private readonly ByteChannel incoming;
    private readonly ByteChannel outgoing;

    internal InMemoryLinkEnd(ByteChannel incoming, ByteChannel outgoing)
    {
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    /// <inheritdoc/>
    public int Read(byte[] buffer, int offset, int count, int timeoutMs) => incoming.Read(buffer, offset, count, timeoutMs);

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        outgoing.Write(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        incoming.CloseReader();
        outgoing.CloseWriter();
    }
}
