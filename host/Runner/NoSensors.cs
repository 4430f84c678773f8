using CellularIot.App.Telemetry;

namespace CellularIot.Runner;

/// <summary>
/// What a PC driving a real modem measures of the board: nothing. Telemetry to the real cloud carries only real
/// values, so memory and temperature are left out of the payload.
/// </summary>
public sealed class NoSensors : ITelemetrySensors
{
    /// <inheritdoc/>
    public int FreeMemoryBytes => TelemetryReading.Unknown;

    /// <inheritdoc/>
    public int TemperatureTenths => TelemetryReading.Unknown;
}
