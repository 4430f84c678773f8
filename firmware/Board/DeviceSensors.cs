namespace CellularIot.Board
{
    using CellularIot.App.Telemetry;

    /// <summary>
    /// The ESP32's own measurements: free managed memory from the runtime's garbage collector. The boards
    /// supported here have no temperature sensor wired, so temperature is left out of the payload.
    /// </summary>
    public sealed class DeviceSensors : ITelemetrySensors
    {
        /// <inheritdoc/>
        public int FreeMemoryBytes
        {
            get { return (int)nanoFramework.Runtime.Native.GC.Run(false); }
        }

        /// <inheritdoc/>
        public int TemperatureTenths
        {
            get { return TelemetryReading.Unknown; }
        }
    }
}
