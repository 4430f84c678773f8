using CellularIot.Modem;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim;

/// <summary>
/// The simulated module's PWRKEY for the firmware's driver. A pulse blocks for its duration, as the board's GPIO
/// pulse does; a pulse of at least <see cref="ModemSimulator.PowerKeyMinPulseMs"/> then toggles power (off: boot
/// sequence; on: the power-down line and silence). Shorter pulses do nothing.
/// </summary>
public sealed class SimPowerKey : IPowerKey
{
    private readonly Core.ModemCore modem;
    private int togglePulses;

    internal SimPowerKey(Core.ModemCore modem) => this.modem = modem;

    /// <summary>How many pulses long enough to toggle power the key has seen.</summary>
    public int TogglePulses => Volatile.Read(ref togglePulses);

    /// <inheritdoc/>
    public void Pulse(int durationMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(durationMs);
        Thread.Sleep(durationMs);
        if (durationMs >= modem.PowerKeyMinPulseMs)
        {
            Interlocked.Increment(ref togglePulses);
            modem.Loop.Invoke(modem.TogglePower);
        }
    }
}
