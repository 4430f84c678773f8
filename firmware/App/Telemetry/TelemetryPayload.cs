namespace CellularIot.App.Telemetry
{
    using CellularIot.Text;

    /// <summary>
    /// Writes a batch of readings as the telemetry payload: a JSON array of compact objects, for example
    /// <c>[{"seq":7,"ts":1764331200,"up":3600,"mem":81234,"rssi":-83,"temp":21.5}]</c>. Short keys and
    /// left-out unknown fields keep each message small, which matters on a prepaid data budget.
    /// </summary>
    public static class TelemetryPayload
    {
        /// <summary>Writes <paramref name="count"/> readings from <paramref name="readings"/> into a cleared <paramref name="json"/>.</summary>
        public static void Write(TelemetryReading[] readings, int count, JsonBuffer json)
        {
            json.Clear();
            json.BeginArray();
            for (int i = 0; i < count; i++)
            {
                WriteOne(readings[i], json);
            }

            json.EndArray();
        }

        private static void WriteOne(TelemetryReading reading, JsonBuffer json)
        {
            json.BeginObject();
            json.Property("seq", reading.Sequence);
            if (reading.UnixSeconds > 0)
            {
                json.Property("ts", reading.UnixSeconds);
            }

            json.Property("up", reading.UptimeSeconds);
            if (reading.FreeMemoryBytes != TelemetryReading.Unknown)
            {
                json.Property("mem", reading.FreeMemoryBytes);
            }

            if (reading.SignalDbm != TelemetryReading.Unknown)
            {
                json.Property("rssi", reading.SignalDbm);
            }

            if (reading.TemperatureTenths != TelemetryReading.Unknown)
            {
                json.PropertyTenths("temp", reading.TemperatureTenths);
            }

            json.EndObject();
        }
    }
}
