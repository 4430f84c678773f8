namespace CellularIot.Tests.App
{
    using CellularIot.App.Commands;
    using CellularIot.Bytes;
    using CellularIot.Text;
    using nanoFramework.TestFramework;

    [TestClass]
    public class CommandProcessorTests
    {
        [TestMethod]
        public void PingAnswersWithUptime()
        {
            var target = new Target();
            Assert.AreEqual("{\"cmd\":\"ping\",\"ok\":true,\"up\":42}", Run(target, "ping", string.Empty));
        }

        [TestMethod]
        public void StatusAddsTheDevicesProperties()
        {
            var target = new Target();
            Assert.AreEqual("{\"cmd\":\"status\",\"ok\":true,\"interval\":300}", Run(target, "status", string.Empty));
        }

        [TestMethod]
        public void SetIntervalChangesTheInterval()
        {
            var target = new Target();
            Assert.AreEqual("{\"cmd\":\"set-interval\",\"ok\":true,\"interval\":60}", Run(target, "set-interval", "{\"seconds\":60}"));
            Assert.AreEqual(60, target.IntervalSeconds);
        }

        [TestMethod]
        [DataRow("{\"seconds\":0}", "seconds must be 1 to 86400")]
        [DataRow("{\"seconds\":86401}", "seconds must be 1 to 86400")]
        [DataRow("{\"minutes\":5}", "expected {\\\"seconds\\\":N}")]
        [DataRow("{\"seconds\":\"60\"}", "expected {\\\"seconds\\\":N}")]
        [DataRow("seconds=60", "payload is not JSON")]
        [DataRow("", "payload is not JSON")]
        [DataRow("{\"seconds\":60", "payload is not JSON")]
        public void SetIntervalRefusesBadPayloadsAndKeepsTheInterval(string payload, string error)
        {
            var target = new Target();
            string reply = Run(target, "set-interval", payload);

            Assert.StartsWith("{\"cmd\":\"set-interval\",\"ok\":false,\"error\":\"" + error, reply);
            Assert.AreEqual(300, target.IntervalSeconds);
        }

        [TestMethod]
        public void RefusesPayloadsThatAreNotUtf8()
        {
            var target = new Target();
            var reply = new JsonBuffer(CommandProcessor.MinReplyBytes);
            new CommandProcessor(target).Handle("set-interval", new byte[] { 0x7B, 0xFF, 0x7D }, 0, 3, reply);

            Assert.Contains("\"ok\":false", Utf8.Decode(reply.Bytes, 0, reply.Length));
        }

        [TestMethod]
        public void AnswersAnUnknownCommandWithAnError()
        {
            var target = new Target();
            Assert.AreEqual("{\"cmd\":\"reboot\",\"ok\":false,\"error\":\"unknown command; known: ping, status, set-interval\"}", Run(target, "reboot", "{}"));
        }

        [TestMethod]
        public void RefusesAnOverlongPayload()
        {
            var target = new Target();
            string reply = Run(target, "set-interval", new string(' ', CommandProcessor.MaxPayloadBytes + 1));
            Assert.Contains("payload longer than", reply);
        }

        [TestMethod]
        [DataRow(65)]
        [DataRow(600)]
        public void ALongCommandNameIsAnsweredAsMalformed(int length)
        {
            var target = new Target();
            string reply = Run(target, new string('n', length), string.Empty);

            Assert.StartsWith("{\"cmd\":\"" + new string('n', CommandProcessor.MaxEchoedNameChars) + "\",\"ok\":false,\"error\":\"command name longer than 64", reply);
        }

        [TestMethod]
        public void ANameWithQuotesAtTheLimitStillGetsAWholeReply()
        {
            string reply = Run(new Target(), new string('"', CommandProcessor.MaxEchoedNameChars), string.Empty);

            Assert.StartsWith("{\"cmd\":\"\\\"", reply);
            Assert.EndsWith("}", reply);
        }

        [TestMethod]
        public void ANameWithAnUnpairedSurrogateIsAnsweredNotThrown()
        {
            // Built at run time: the text a UTF-8 decoder could hand over from a topic, never a literal.
            string name = new string(new char[] { 'p', (char)0xD800, 'g' });

            Assert.AreEqual("{\"cmd\":\"p?g\",\"ok\":false,\"error\":\"command name longer than 64 characters or not printable ASCII\"}", Run(new Target(), name, string.Empty));
        }

        [TestMethod]
        public void AMissingNameIsAnsweredAsMalformed()
        {
            Assert.AreEqual("{\"cmd\":\"\",\"ok\":false,\"error\":\"command name longer than 64 characters or not printable ASCII\"}", Run(new Target(), null, string.Empty));
        }

        private static string Run(Target target, string name, string payload)
        {
            var reply = new JsonBuffer(CommandProcessor.MinReplyBytes);
            byte[] bytes = Utf8.GetBytes(payload);
            new CommandProcessor(target).Handle(name, bytes, 0, bytes.Length, reply);
            return Utf8.Decode(reply.Bytes, 0, reply.Length);
        }

        private sealed class Target : ICommandTarget
        {
            public long UptimeSeconds
            {
                get { return 42; }
            }

            public int IntervalSeconds { get; set; } = 300;

            public void WriteStatus(JsonBuffer reply)
            {
                reply.Property("interval", IntervalSeconds);
            }
        }
    }
}
