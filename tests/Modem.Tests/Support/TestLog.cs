using CellularIot.Support;

namespace CellularIot.Modem.Tests.Support;

/// <summary>The driver's log, kept in order (it is written from the caller's thread and the URC thread).</summary>
internal sealed class TestLog : ILog
{
    private readonly Lock gate = new();
    private readonly List<string> lines = [];

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

    public void Info(string message) => Add("info: " + message);

    public void Warn(string message) => Add("warn: " + message);

    private void Add(string line)
    {
        lock (gate)
        {
            lines.Add(line);
        }
    }
}
