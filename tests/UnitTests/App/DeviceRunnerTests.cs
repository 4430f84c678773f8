namespace CellularIot.Tests.App
{
    using CellularIot.App;
    using CellularIot.App.Config;
    using CellularIot.Cloud.Session;
    using CellularIot.Tests.App.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>The device's main loop against a scripted cloud link: readings, delivery accounting, commands.</summary>
    [TestClass]
    public partial class DeviceRunnerTests
    {
        private const string Iccid = "8988228066612345678";

        // The launcher calls tests with no instance: each test builds its own rig through Start().
        private static ManualClock clock;
        private static ScriptedCloudLink link;
        private static DeviceRunner runner;
        private static SignalOnlyModem modem;

        [TestMethod]
        public void AReadingWaitsOfflineAndGoesOutOnceOnlineAndIsDeliveredByItsAcknowledgement()
        {
            Start();
            runner.Step();
            Assert.AreEqual(1L, runner.ReadingsTaken);
            Assert.AreEqual(0, link.Published);
            Assert.AreEqual(1, runner.BacklogCount);

            GoOnline();
            runner.Step();
            Assert.AreEqual(1, link.Published);
            Assert.AreEqual(Iccid + "/telemetry", link.TopicAt(0));
            Assert.StartsWith("[{\"seq\":1,", link.PayloadAt(0));
            Assert.AreEqual(1, runner.BacklogCount);

            runner.OnDelivered(link.LastDelivery + 1);
            Assert.AreEqual(1, runner.BacklogCount);
            runner.OnDelivered(link.LastDelivery);
            Assert.AreEqual(0, runner.BacklogCount);
            Assert.AreEqual(1L, runner.ReadingsDelivered);
            Assert.AreEqual(1, runner.MessagesAcknowledged);
        }

        [TestMethod]
        public void OneBatchIsAwaitedAtATimeSoReadingsArriveInOrder()
        {
            Start();
            GoOnline();
            runner.Step();
            clock.Advance(300000);
            runner.Step();
            Assert.AreEqual(1, link.Published);
            Assert.AreEqual(2, runner.BacklogCount);

            runner.OnDelivered(link.LastDelivery);
            runner.Step();
            Assert.AreEqual(2, link.Published);
            Assert.StartsWith("[{\"seq\":2,", link.PayloadAt(1));
        }

        [TestMethod]
        public void AFailedPublishKeepsTheReadingForTheNextStep()
        {
            Start();
            GoOnline();
            link.FailNextPublish = true;
            runner.Step();
            Assert.AreEqual(0, link.Published);
            Assert.AreEqual(1, runner.BacklogCount);

            runner.Step();
            Assert.AreEqual(1, link.Published);
            Assert.StartsWith("[{\"seq\":1,", link.PayloadAt(0));
        }

        [TestMethod]
        public void AnAbandonedBatchIsDroppedAndTheNextGoesOut()
        {
            Start();
            GoOnline();
            runner.Step();
            clock.Advance(300000);
            runner.Step();

            runner.OnAbandoned(link.LastDelivery);
            Assert.AreEqual(1, runner.BacklogCount);
            Assert.AreEqual(0L, runner.ReadingsDelivered);
            runner.Step();
            Assert.StartsWith("[{\"seq\":2,", link.PayloadAt(1));
        }

        [TestMethod]
        public void ACommandIsAnsweredOnItsReplyTopicAndOtherTopicsAreIgnored()
        {
            Start();
            GoOnline();
            runner.OnMessage(new TextMessage(Iccid + "/commands/ping", string.Empty));
            runner.OnMessage(new TextMessage(Iccid + "/elsewhere/ping", string.Empty));

            Assert.AreEqual(1, runner.CommandsHandled);
            Assert.AreEqual(Iccid + "/replies/ping", link.TopicAt(0));
            Assert.StartsWith("{\"cmd\":\"ping\",\"ok\":true", link.PayloadAt(0));
        }

        [TestMethod]
        public void ACommandChangesTheIntervalOfTheNextReadings()
        {
            Start();
            GoOnline();
            runner.Step();
            runner.OnMessage(new TextMessage(Iccid + "/commands/set-interval", "{\"seconds\":60}"));
            Assert.AreEqual(60, runner.IntervalSeconds);

            clock.Advance(59999);
            runner.Step();
            Assert.AreEqual(1L, runner.ReadingsTaken);
            clock.Advance(1);
            runner.Step();
            Assert.AreEqual(2L, runner.ReadingsTaken);
        }

        private static void Start()
        {
            clock = new ManualClock();
            link = new ScriptedCloudLink(Iccid);
            modem = new SignalOnlyModem();
            runner = new DeviceRunner(new DeviceSettings(), modem, new FixedSensors(), clock, new RecordingLog(), 8);
            runner.Attach(link);
        }

        private static void GoOnline()
        {
            link.State = SessionState.Online;
            runner.OnStateChanged(SessionState.Online, "test");
        }
    }
}
