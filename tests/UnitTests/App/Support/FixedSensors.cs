namespace CellularIot.Tests.App.Support
{
    using CellularIot.App.Telemetry;

    /// <summary>Board measurements that never change.</summary>
    public sealed class FixedSensors : ITelemetrySensors
    {
        public int FreeMemoryBytes
        {
            get { return 81234; }
        }

        public int TemperatureTenths
        {
            get { return 215; }
        }
    }
}
