namespace CellularIot.ModemSim;

/// <summary>A new entry in the <see cref="AtTrafficLog"/>.</summary>
/// <param name="entry">The entry.</param>
public sealed class AtTrafficEventArgs(AtTrafficEntry entry) : EventArgs
{
    /// <summary>The entry just added.</summary>
    public AtTrafficEntry Entry { get; } = entry;
}
