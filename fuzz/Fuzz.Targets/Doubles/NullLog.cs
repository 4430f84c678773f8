using CellularIot.Support;

namespace CellularIot.Fuzz;

/// <summary>A log that drops every line: a campaign writes millions.</summary>
public sealed class NullLog : ILog
{
    /// <summary>The one instance.</summary>
    public static NullLog Instance { get; } = new();

    /// <inheritdoc/>
    public void Info(string message)
    {
    }

    /// <inheritdoc/>
    public void Warn(string message)
    {
    }
}
