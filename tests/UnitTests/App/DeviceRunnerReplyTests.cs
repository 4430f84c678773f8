namespace CellularIot.Tests.App
{
    using CellularIot.Tests.App.Support;
    using nanoFramework.TestFramework;

    /// <summary>
    /// How a command's reply shares the window of unacknowledged messages with telemetry: at QoS 1 while a slot is free
    /// beyond the one the next batch needs, at QoS 0 when none is, and never not at all (docs/faults.md, the command flood).
    /// </summary>
    public partial class DeviceRunnerTests
    {
        [TestMethod]
        public void AReplyGoesAtQos1WhileASlotIsFreeBeyondTheOneTelemetryNeeds()
        {
            Start();
            GoOnline();
            link.DeliverySlotsFree = 2;
            runner.OnMessage(new TextMessage(Iccid + "/commands/ping", string.Empty));

            Assert.AreEqual(1, link.Published);
            Assert.AreEqual(Iccid + "/replies/ping", link.TopicAt(0));
            Assert.AreEqual(1, link.QosAt(0));
        }

        [TestMethod]
        public void AReplyLeavesTheLastSlotToTelemetryAndGoesAtQos0()
        {
            Start();
            GoOnline();
            link.DeliverySlotsFree = 1;
            runner.OnMessage(new TextMessage(Iccid + "/commands/ping", string.Empty));
            Assert.AreEqual(0, link.QosAt(0));
            Assert.StartsWith("{\"cmd\":\"ping\",\"ok\":true", link.PayloadAt(0));

            // The slot left free takes the next batch.
            runner.Step();
            Assert.AreEqual(Iccid + "/telemetry", link.TopicAt(1));
            Assert.AreEqual(1, link.QosAt(1));
        }

        [TestMethod]
        public void AReplyTakesTheLastSlotWhileTelemetryAwaitsItsAcknowledgement()
        {
            Start();
            GoOnline();
            runner.Step();
            Assert.AreEqual(Iccid + "/telemetry", link.TopicAt(0));

            link.DeliverySlotsFree = 1;
            runner.OnMessage(new TextMessage(Iccid + "/commands/ping", string.Empty));
            Assert.AreEqual(1, link.QosAt(1));
        }

        [TestMethod]
        public void AReplyThatFindsNoSlotGoesAtQos0AndTheCommandCounts()
        {
            Start();
            GoOnline();
            link.DeliverySlotsFree = 0;
            runner.OnMessage(new TextMessage(Iccid + "/commands/status", string.Empty));

            Assert.AreEqual(1, runner.CommandsHandled);
            Assert.AreEqual(Iccid + "/replies/status", link.TopicAt(0));
            Assert.AreEqual(0, link.QosAt(0));
        }
    }
}
