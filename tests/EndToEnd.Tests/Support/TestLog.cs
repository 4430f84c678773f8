using System.Diagnostics;
using System.Globalization;
using CellularIot.Support;

namespace CellularIot.EndToEnd.Tests.Support;

/// <summary>The firmware's log kept in memory with timestamps, for a failing test's message and its output.</summary>
internal sealed class TestLog : ILog
{
    private const int MaxLines = 5000;

    private readonly Stopwatch started = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private readonly List<string> lines = [];

    public void Info(string message) => Add("info", message);

    public void Warn(string message) => Add("WARN", message);

    public void Note(string message) => Add("test", message);

    /// <summary>Every line kept so far.</summary>
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

    /// <summary>The last <paramref name="count"/> lines, one per line.</summary>
    public string Tail(int count = 60)
    {
        lock (gate)
        {
            return string.Join(Environment.NewLine, lines.TakeLast(count));
        }
    }

    private void Add(string level, string message)
    {
        string line = string.Create(CultureInfo.InvariantCulture, $"{started.Elapsed.TotalSeconds,7:0.000} {level} {message}");
        lock (gate)
        {
            if (lines.Count < MaxLines)
            {
                lines.Add(line);
            }
        }
    }
}
