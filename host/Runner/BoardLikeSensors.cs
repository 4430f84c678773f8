using CellularIot.App.Telemetry;

namespace CellularIot.Runner;

/// <summary>
/// A PC has neither the board's managed heap nor its temperature sensor, so the runner reports values shaped like
/// an ESP32-S3's (six-digit free memory, a room temperature with one decimal): the telemetry payloads then have the
/// board's sizes, which is what the data-budget figures measure. Deterministic, so runs compare.
/// </summary>
public sealed class BoardLikeSensors : ITelemetrySensors
{
    private int reads;

    /// <inheritdoc/>
    public int FreeMemoryBytes => 151_000 - (Interlocked.Increment(ref reads) % 7 * 312);

    /// <inheritdoc/>
    public int TemperatureTenths => 231 + (Volatile.Read(ref reads) % 5);
}
