using System.Diagnostics;
using System.Globalization;
using CellularIot.Support;

namespace CellularIot.Runner;

/// <summary>
/// The runner's progress log: the firmware's <see cref="ILog"/> lines ("device", "warn") and the runner's own
/// ("runner", "cloud"), each stamped with the seconds since the run started. Quiet mode keeps warnings only. Safe
/// to call from any thread (the simulated cloud reports from its own).
/// </summary>
public sealed class ConsoleLog : ILog
{
    private readonly Stopwatch started = Stopwatch.StartNew();
    private readonly Lock gate = new();
    private readonly TextWriter output;

    /// <summary>Writes to <paramref name="output"/>; <paramref name="quiet"/> keeps warnings only.</summary>
    public ConsoleLog(TextWriter output, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(output);
        this.output = output;
        Quiet = quiet;
    }

    /// <summary>Whether progress lines are dropped.</summary>
    public bool Quiet { get; }

    /// <inheritdoc/>
    public void Info(string message) => Write("device", message, keepWhenQuiet: false);

    /// <inheritdoc/>
    public void Warn(string message) => Write("warn", message, keepWhenQuiet: true);

    /// <summary>A line from the cloud's side: what it received, what the runner sent through it.</summary>
    public void Cloud(string message) => Write("cloud", message, keepWhenQuiet: false);

    /// <summary>A line about the run itself (the world started, the goal reached).</summary>
    public void Runner(string message) => Write("runner", message, keepWhenQuiet: false);

    /// <summary>A problem of the run itself, kept in quiet mode too.</summary>
    public void RunnerWarning(string message) => Write("warn", message, keepWhenQuiet: true);

    /// <summary>Writes <paramref name="text"/> as it is (the summary), in quiet mode too.</summary>
    public void Plain(string text)
    {
        lock (gate)
        {
            output.WriteLine(text);
        }
    }

    private void Write(string source, string message, bool keepWhenQuiet)
    {
        if (Quiet && !keepWhenQuiet)
        {
            return;
        }

        string line = string.Create(CultureInfo.InvariantCulture, $"{started.Elapsed.TotalSeconds,7:0.000}  {source,-6}  {message}");
        lock (gate)
        {
            output.WriteLine(line);
        }
    }
}
