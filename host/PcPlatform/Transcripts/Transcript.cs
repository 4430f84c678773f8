namespace CellularIot.Host.Transcripts;

/// <summary>A transcript read from its text form: the records in order and the outcomes it declares.</summary>
public sealed class Transcript
{
    private Transcript(IReadOnlyList<TranscriptRecord> records, IReadOnlyList<string> expectations)
    {
        Records = records;
        Expectations = expectations;
    }

    /// <summary>The records, in the order they crossed the line.</summary>
    public IReadOnlyList<TranscriptRecord> Records { get; }

    /// <summary>The text after every <c># expect: </c>, in order.</summary>
    public IReadOnlyList<string> Expectations { get; }

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">The file is not a transcript.</exception>
    public static Transcript Load(string path) => Parse(File.ReadAllLines(path));

    /// <summary>Reads the lines of a transcript.</summary>
    /// <exception cref="FormatException">The first line is not the header, or a line is neither a comment nor a record.</exception>
    public static Transcript Parse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0 || lines[0] != TranscriptFormat.Header)
        {
            throw new FormatException("a transcript starts with \"" + TranscriptFormat.Header + "\"");
        }

        var records = new List<TranscriptRecord>();
        var expectations = new List<string>();
        for (int i = 1; i < lines.Count; i++)
        {
            string line = lines[i];
            if (line.StartsWith(TranscriptFormat.ExpectPrefix, StringComparison.Ordinal))
            {
                expectations.Add(line[TranscriptFormat.ExpectPrefix.Length..].Trim());
            }
            else if (TranscriptFormat.TryParse(line, out TranscriptRecord? record))
            {
                records.Add(record!);
            }
            else if (line.Length > 0 && !line.StartsWith('#'))
            {
                throw new FormatException($"line {i + 1} is neither a comment nor a record: {line}");
            }
        }

        return new Transcript(records, expectations);
    }
}
