namespace CellularIot.Tests.App
{
    using System;
    using CellularIot.App.Telemetry;
    using CellularIot.Bytes;
    using CellularIot.Text;
    using nanoFramework.TestFramework;

    [TestClass]
    public class TelemetryPayloadTests
    {
        [TestMethod]
        public void WritesEveryKnownField()
        {
            var reading = new TelemetryReading { Sequence = 7, UnixSeconds = 1764331200, UptimeSeconds = 3600, FreeMemoryBytes = 81234, SignalDbm = -83, TemperatureTenths = 215 };
            var json = new JsonBuffer(256);

            TelemetryPayload.Write(new TelemetryReading[] { reading }, 1, json);

            Assert.AreEqual("[{\"seq\":7,\"ts\":1764331200,\"up\":3600,\"mem\":81234,\"rssi\":-83,\"temp\":21.5}]", Utf8.Decode(json.Bytes, 0, json.Length));
        }

        [TestMethod]
        public void LeavesOutUnknownFieldsAndBatches()
        {
            var first = new TelemetryReading { Sequence = 1, UptimeSeconds = 10 };
            var second = new TelemetryReading { Sequence = 2, UptimeSeconds = 20, TemperatureTenths = -5 };
            var json = new JsonBuffer(128);

            TelemetryPayload.Write(new TelemetryReading[] { first, second }, 2, json);

            Assert.AreEqual("[{\"seq\":1,\"up\":10},{\"seq\":2,\"up\":20,\"temp\":-0.5}]", Utf8.Decode(json.Bytes, 0, json.Length));
        }

        [TestMethod]
        public void ReusesItsBufferForTheNextMessage()
        {
            var json = new JsonBuffer(64);
            TelemetryPayload.Write(new TelemetryReading[] { new TelemetryReading { Sequence = 123456, UptimeSeconds = 1 } }, 1, json);
            byte[] first = json.Bytes;

            TelemetryPayload.Write(new TelemetryReading[] { new TelemetryReading { Sequence = 1, UptimeSeconds = 2 } }, 1, json);

            Assert.AreSame(first, json.Bytes);
            Assert.AreEqual("[{\"seq\":1,\"up\":2}]", Utf8.Decode(json.Bytes, 0, json.Length));
        }

        [TestMethod]
        public void RefusesAMessageLongerThanItsBuffer()
        {
            var json = new JsonBuffer(12);
            var reading = new TelemetryReading { Sequence = 1, UptimeSeconds = 99999 };
            Assert.ThrowsException(typeof(InvalidOperationException), () => TelemetryPayload.Write(new TelemetryReading[] { reading }, 1, json));
        }

        [TestMethod]
        public void EscapesStrings()
        {
            var json = new JsonBuffer(64);
            json.BeginObject();
            json.Property("error", "bad \"x\"\\\n é");
            json.Property("ok", false);
            json.EndObject();

            Assert.AreEqual("{\"error\":\"bad \\\"x\\\"\\\\\\u000A é\",\"ok\":false}", Utf8.Decode(json.Bytes, 0, json.Length));
        }
    }
}
