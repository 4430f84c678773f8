namespace CellularIot.Host.Transcripts;

/// <summary>Which way bytes crossed the serial line.</summary>
public enum TranscriptDirection
{
    /// <summary>Written by the host to the modem (<c>&gt;</c> in the file).</summary>
    ToModem,

    /// <summary>Read by the host from the modem (<c>&lt;</c> in the file).</summary>
    FromModem,
}
