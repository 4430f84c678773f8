using System.Collections.Concurrent;
using CellularIot.Support;

namespace CellularIot.Mqtt.Tests;

/// <summary>Keeps the firmware's log lines for the test to inspect.</summary>
internal sealed class TestLog : ILog
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Info(string message) => Lines.Enqueue("I " + message);

    public void Warn(string message) => Lines.Enqueue("W " + message);
}
