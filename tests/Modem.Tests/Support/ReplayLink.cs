using System.Text;
using CellularIot.At;
using CellularIot.Host.Transcripts;

namespace CellularIot.Modem.Tests.Support;

/// <summary>
/// A modem played back from a transcript. Each write in the transcript, with the bytes the modem sent after it
/// (until the next write), is a segment. When the driver writes a command, the first unused segment that wrote the
/// same command answers it, else the first unused one with the same command and other parameters, else the last
/// used one again; a payload takes the next payload segment.
/// The bytes come back in the transcript's own pieces, so the recorded splits are replayed too. What the modem sent
/// before the first write arrives at once. A command the transcript never saw (the driver sends commands the
/// recording did not) is answered OK: the replayed module accepts any setting it was not asked about.
/// </summary>
internal sealed class ReplayLink : IByteLink, IDisposable
{
    private static readonly byte[] Ok = "\r\nOK\r\n"u8.ToArray();

    private readonly List<Segment> segments = [];
    private readonly Queue<byte[]> pending = new();
    private readonly Lock gate = new();
    private readonly SemaphoreSlim arrived = new(0);
    private byte[]? current;
    private int currentAt;
    private int lastUsed = -1;

    public ReplayLink(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        Segment? open = null;
        foreach (TranscriptRecord record in transcript.Records)
        {
            if (record.Direction == TranscriptDirection.ToModem)
            {
                open = new Segment(record.Bytes);
                segments.Add(open);
            }
            else if (open is null)
            {
                Enqueue(record.Bytes);
            }
            else
            {
                open.Replies.Add(record.Bytes);
            }
        }
    }

    /// <summary>Commands written that the transcript had no answer for.</summary>
    public List<string> Unknown { get; } = [];

    /// <summary>Sends what the modem said after the last segment the driver used (late lines that answer no command).</summary>
    public void ReleaseRest()
    {
        lock (gate)
        {
            for (int i = lastUsed + 1; i < segments.Count; i++)
            {
                segments[i].Used = true;
                segments[i].Replies.ForEach(Enqueue);
            }
        }
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        if (!Take(out byte[]? piece) && (!arrived.Wait(timeoutMs) || !Take(out piece)))
        {
            return 0;
        }

        lock (gate)
        {
            int n = Math.Min(count, piece!.Length - currentAt);
            Array.Copy(piece, currentAt, buffer, offset, n);
            currentAt += n;
            if (currentAt < piece.Length)
            {
                arrived.Release();
            }
            else
            {
                current = null;
            }

            return n;
        }
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        byte[] written = buffer.AsSpan(offset, count).ToArray();
        bool command = IsCommand(written);
        lock (gate)
        {
            int index = segments.FindIndex(s => !s.Used && Matches(s, written, command));
            if (index < 0 && command)
            {
                index = segments.FindIndex(s => !s.Used && SameName(s.Written, written));
            }

            if (index < 0)
            {
                index = segments.FindLastIndex(s => Matches(s, written, command));
            }

            if (index < 0 && command)
            {
                index = segments.FindLastIndex(s => SameName(s.Written, written));
            }

            if (index < 0)
            {
                Unknown.Add(Encoding.Latin1.GetString(written));
                Enqueue(Ok);
                return;
            }

            Segment segment = segments[index];
            segment.Used = true;
            lastUsed = Math.Max(lastUsed, index);
            segment.Replies.ForEach(Enqueue);
        }
    }

    public void Dispose() => arrived.Dispose();

    private static bool IsCommand(byte[] bytes) =>
        bytes.Length >= 3 && (bytes[0] | 0x20) == 'a' && (bytes[1] | 0x20) == 't' && bytes[^1] == '\r';

    private static bool Matches(Segment segment, byte[] written, bool command) =>
        command ? segment.Written.AsSpan().SequenceEqual(written) : !IsCommand(segment.Written);

    // The same command with other parameters (AT+CARECV=0,100 for AT+CARECV=0,512).
    private static bool SameName(byte[] recorded, byte[] written)
    {
        int end = Array.FindIndex(written, b => b is (byte)'=' or (byte)'?' or (byte)'\r');
        return IsCommand(recorded) && end > 2 && recorded.Length > end && recorded.AsSpan(0, end).SequenceEqual(written.AsSpan(0, end))
            && recorded[end] == written[end];
    }

    private bool Take(out byte[]? piece)
    {
        lock (gate)
        {
            if (current is null && pending.Count > 0)
            {
                current = pending.Dequeue();
                currentAt = 0;
            }

            piece = current;
            return piece is not null;
        }
    }

    private void Enqueue(byte[] bytes)
    {
        pending.Enqueue(bytes);
        arrived.Release();
    }

    private sealed class Segment(byte[] written)
    {
        public byte[] Written { get; } = written;

        public List<byte[]> Replies { get; } = [];

        public bool Used { get; set; }
    }
}
