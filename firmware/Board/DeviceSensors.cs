namespace CellularIot.Board
{
    using CellularIot.App.Telemetry;
    using CellularIot.Support;

    /// <summary>
    /// The ESP32's own measurements: free managed memory from the runtime's garbage collector. The boards
    /// supported here have no temperature sensor wired, so temperature is left out of the payload.
    /// </summary>
    public sealed class DeviceSensors : ITelemetrySensors
    {
        // nanoFramework tells free memory only through GC.Run, a full collection. The figure is there to show a
        // leak over hours and days, so a collection at most once a minute serves it, however short the reading
        // interval; the runtime collects on its own whenever the heap needs it.
        private const long RefreshMs = 60000;

        private readonly IClock clock;
        private int freeBytes;
        private long measuredAtMs;
        private bool measured;

        /// <summary>Measures against <paramref name="clock"/>'s monotonic time.</summary>
        public DeviceSensors(IClock clock)
        {
            this.clock = clock;
        }

        /// <inheritdoc/>
        public int FreeMemoryBytes
        {
            get
            {
                long now = clock.MonotonicMs;
                if (!measured || now - measuredAtMs >= RefreshMs)
                {
                    freeBytes = (int)nanoFramework.Runtime.Native.GC.Run(false);
                    measuredAtMs = now;
                    measured = true;
                }

                return freeBytes;
            }
        }

        /// <inheritdoc/>
        public int TemperatureTenths
        {
            get { return TelemetryReading.Unknown; }
        }
    }
}
