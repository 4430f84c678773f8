namespace CellularIot.App.Telemetry
{
    /// <summary>The board's own measurements; a platform that lacks one answers <see cref="TelemetryReading.Unknown"/>.</summary>
    public interface ITelemetrySensors
    {
        /// <summary>Free managed memory in bytes.</summary>
        int FreeMemoryBytes { get; }

        /// <summary>Board temperature in tenths of a degree Celsius.</summary>
        int TemperatureTenths { get; }
    }
}
