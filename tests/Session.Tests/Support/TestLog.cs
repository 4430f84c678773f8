using System.Diagnostics;
using System.Globalization;
using CellularIot.Support;

namespace CellularIot.Session.Tests.Support;

/// <summary>The firmware's log with the time since the rig started, kept in order (written from the session and URC threads).</summary>
internal sealed class TestLog : ILog
{
    private readonly Lock gate = new();
    private readonly List<string> lines = [];
    private readonly Stopwatch age = Stopwatch.StartNew();

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

    /// <summary>Whether any line so far contains <paramref name="text"/>.</summary>
    public bool Contains(string text) => Lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    public void Info(string message) => Add("info", message);

    public void Warn(string message) => Add("warn", message);

    private void Add(string level, string message)
    {
        string line = string.Create(CultureInfo.InvariantCulture, $"{age.ElapsedMilliseconds,6} ms {level}: {message}");
        lock (gate)
        {
            lines.Add(line);
        }
    }
}
