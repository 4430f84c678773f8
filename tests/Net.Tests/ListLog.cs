using CellularIot.Support;

namespace CellularIot.Net.Tests;

/// <summary>A log that keeps its lines, so a test can check what was (and was not) logged.</summary>
internal sealed class ListLog : ILog
{
    public List<string> Lines { get; } = [];

    public void Info(string message) => Lines.Add("info: " + message);

    public void Warn(string message) => Lines.Add("warn: " + message);
}
