using System.Diagnostics;
using CellularIot.At;

namespace CellularIot.Host.Transcripts;

/// <summary>
/// Passes a serial line through and writes every write and every read to a transcript, byte for byte, with the
/// time since the link was made (docs/transcripts.md). Safe for the AT layer's one reader and one writer.
/// </summary>
public sealed class TranscriptLink : IByteLink, IDisposable
{
    private readonly IByteLink inner;
    private readonly TextWriter output;
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private bool disposed;

    /// <summary>Records the traffic over <paramref name="inner"/> to <paramref name="output"/>, which it owns, starting with the header.</summary>
    public TranscriptLink(IByteLink inner, TextWriter output, string description)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(output);
        this.inner = inner;
        this.output = output;
        output.WriteLine(TranscriptFormat.Header);
        output.WriteLine("# " + description);
        output.WriteLine("# recorded " + DateTimeOffset.UtcNow.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        output.Flush();
    }

    /// <inheritdoc/>
    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        int read = inner.Read(buffer, offset, count, timeoutMs);
        if (read > 0)
        {
            Add(TranscriptDirection.FromModem, buffer.AsSpan(offset, read).ToArray());
        }

        return read;
    }

    /// <inheritdoc/>
    public void Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Add(TranscriptDirection.ToModem, buffer.AsSpan(offset, count).ToArray());
        inner.Write(buffer, offset, count);
    }

    /// <summary>Adds a comment line (an outcome, a note) to the transcript.</summary>
    public void Comment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (gate)
        {
            if (!disposed)
            {
                output.WriteLine("# " + text);
                output.Flush();
            }
        }
    }

    /// <summary>Closes the transcript (the line itself belongs to the caller).</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (!disposed)
            {
                disposed = true;
                output.Dispose();
            }
        }
    }

    private void Add(TranscriptDirection direction, byte[] bytes)
    {
        lock (gate)
        {
            if (!disposed)
            {
                output.WriteLine(TranscriptFormat.Line(new TranscriptRecord(clock.ElapsedMilliseconds, direction, bytes)));
                output.Flush();
            }
        }
    }
}
