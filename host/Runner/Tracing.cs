using CellularIot.App;
using CellularIot.At;
using CellularIot.Host.Transcripts;
using CellularIot.Modem;

namespace CellularIot.Runner;

/// <summary>The <c>--trace-at &lt;file&gt;</c> transcript: opened around the serial line, closed with the outcome it saw.</summary>
internal static class Tracing
{
    /// <summary>A transcript of <paramref name="line"/> into the option's file, or null when none was asked for.</summary>
    public static TranscriptLink? Open(RunnerOptions options, IByteLink line, string description, ConsoleLog log)
    {
        if (options.TraceFile is not { } path)
        {
            return null;
        }

        log.Runner("AT transcript: " + Path.GetFullPath(path));
        return new TranscriptLink(line, new StreamWriter(path, append: false), description);
    }

    /// <summary>
    /// Ends the transcript with what the run showed, as an <c>expect</c> line a replay test checks (docs/transcripts.md):
    /// the identity the modem came up with, or that it did not come up.
    /// </summary>
    public static void Close(TranscriptLink? transcript, Device device)
    {
        if (transcript is null)
        {
            return;
        }

        ModemIdentity? identity = device.Modem?.Identity;
        transcript.Comment(identity is null
            ? "the modem did not come up; replace with \"expect: failed <words of the error>\" once known"
            : "expect: up " + identity.Iccid);
    }
}
