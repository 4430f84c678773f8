using CellularIot.Modem;

namespace CellularIot.Fuzz;

/// <summary>A power key that counts its pulses and takes no time.</summary>
public sealed class NullPowerKey : IPowerKey
{
    /// <summary>Pulses so far.</summary>
    public int Pulses { get; private set; }

    /// <inheritdoc/>
    public void Pulse(int durationMs) => Pulses++;
}
