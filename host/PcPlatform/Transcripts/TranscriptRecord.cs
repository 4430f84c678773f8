namespace CellularIot.Host.Transcripts;

/// <summary>One write to or read from the serial line: when (ms since the transcript began), which way, the bytes.</summary>
public sealed record TranscriptRecord(long TimeMs, TranscriptDirection Direction, byte[] Bytes);
