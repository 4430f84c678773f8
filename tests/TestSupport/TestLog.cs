using System.Diagnostics;
using System.Globalization;
using CellularIot.Support;

namespace CellularIot.TestSupport;

/// <summary>
/// The firmware's log as the host tests keep it: every line in order as <c>info: ...</c>, <c>warn: ...</c> or
/// <c>test: ...</c> (written from the session, URC and test threads), and the same lines with the time since the
/// log started for a failed test's output. It stops keeping lines at a cap, so a runaway loop cannot eat the memory.
/// </summary>
public sealed class TestLog : ILog
{
    private const int MaxLines = 5000;

    private readonly Lock gate = new();
    private readonly List<string> lines = [];
    private readonly List<long> times = [];
    private readonly Stopwatch age = Stopwatch.StartNew();

    /// <summary>The lines so far, without their times.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (gate)
            {
                return [.. lines];
            }
        }
    }

    /// <summary>True when a line holds <paramref name="text"/>.</summary>
    public bool Contains(string text) => Lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <inheritdoc/>
    public void Info(string message) => Add("info", message);

    /// <inheritdoc/>
    public void Warn(string message) => Add("warn", message);

    /// <summary>A line from the test itself, so the log shows what the test did between the firmware's lines.</summary>
    public void Note(string message) => Add("test", message);

    /// <summary>The last <paramref name="count"/> lines with the seconds since the log started, one a line.</summary>
    public string Tail(int count = 60)
    {
        lock (gate)
        {
            int first = Math.Max(0, lines.Count - count);
            return string.Join(
                Environment.NewLine,
                lines.Skip(first).Select((line, i) => string.Create(CultureInfo.InvariantCulture, $"{times[first + i] / 1000.0,7:0.000} {line}")));
        }
    }

    private void Add(string level, string message)
    {
        lock (gate)
        {
            if (lines.Count < MaxLines)
            {
                lines.Add(level + ": " + message);
                times.Add(age.ElapsedMilliseconds);
            }
        }
    }
}
