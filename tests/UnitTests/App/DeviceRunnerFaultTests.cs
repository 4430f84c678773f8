namespace CellularIot.Tests.App
{
    using System;
    using CellularIot.App;
    using CellularIot.App.Config;
    using CellularIot.App.Telemetry;
    using CellularIot.Modem;
    using CellularIot.Tests.App.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>The runner's set-up rules, its backlog on flash, and readings without a clock or a signal.</summary>
    public partial class DeviceRunnerTests
    {
        [TestMethod]
        public void StepsOnlyWithOneAttachedSession()
        {
            var alone = new DeviceRunner(new DeviceSettings(), new SignalOnlyModem(), new FixedSensors(), new ManualClock(), new RecordingLog(), 8);
            Assert.ThrowsException(typeof(InvalidOperationException), () => alone.Step());
            alone.Attach(new ScriptedCloudLink(Iccid));
            Assert.ThrowsException(typeof(InvalidOperationException), () => alone.Attach(new ScriptedCloudLink(Iccid)));
            alone.Step();
            Assert.AreEqual(1L, alone.ReadingsTaken);
        }

        [TestMethod]
        public void TakesBackTheReadingsAFormerRunLeftOnFlashAndKeepsTheBacklogThere()
        {
            var blobs = new MemoryBlobStore();
            var left = new TelemetryReading[] { new TelemetryReading { Sequence = 5, UptimeSeconds = 50 }, new TelemetryReading { Sequence = 6, UptimeSeconds = 60 } };
            new BacklogStore(blobs, 8).Save(left, 2);
            Start();
            runner.KeepBacklogIn(new BacklogStore(blobs, 8));
            Assert.AreEqual(2, runner.BacklogCount);

            GoOnline();
            runner.Step();
            Assert.StartsWith("[{\"seq\":5,", link.PayloadAt(0));
            Assert.AreEqual(3, new BacklogStore(blobs, 8).Load().Length);
            runner.OnDelivered(link.LastDelivery);
            TelemetryReading[] stored = new BacklogStore(blobs, 8).Load();
            Assert.AreEqual(2, stored.Length);
            Assert.AreEqual(6L, stored[0].Sequence);
        }

        [TestMethod]
        public void ACommandBeforeTheSessionIsOnlineIsNotAnswered()
        {
            Start();
            runner.OnMessage(new TextMessage(Iccid + "/commands/ping", string.Empty));
            Assert.AreEqual(0, runner.CommandsHandled);
            Assert.AreEqual(0, link.Published);
        }

        [TestMethod]
        public void TheAbandonOfAnotherMessageKeepsTheBatch()
        {
            Start();
            GoOnline();
            runner.Step();
            runner.OnAbandoned(link.LastDelivery + 1);
            Assert.AreEqual(1, runner.BacklogCount);
            runner.OnDelivered(link.LastDelivery);
            Assert.AreEqual(0, runner.BacklogCount);
            Assert.AreEqual(1L, runner.ReadingsDelivered);
        }

        [TestMethod]
        public void AReadingWithoutNetworkTimeOrSignalLeavesThemOut()
        {
            Start();
            clock.UtcNow = new DateTime(1980, 1, 6, 0, 0, 0);
            GoOnline();
            runner.OnMessage(new TextMessage(Iccid + "/commands/status", string.Empty));
            Assert.AreEqual(-1, link.PayloadAt(0).IndexOf("rssi"));

            modem.Signal = new SignalQuality(99, 99);
            runner.Step();
            Assert.AreEqual(1, modem.SignalReads);
            Assert.AreEqual(-1, link.PayloadAt(1).IndexOf("\"ts\""));
            Assert.AreEqual(-1, link.PayloadAt(1).IndexOf("rssi"));

            modem.Signal = new SignalQuality(20, 0);
            clock.UtcNow = new DateTime(2024, 5, 1, 12, 0, 0);
            runner.OnDelivered(link.LastDelivery);
            clock.Advance(300000);
            runner.Step();
            Assert.Contains("\"ts\":", link.PayloadAt(2));
            Assert.Contains("\"rssi\":-73", link.PayloadAt(2));
            runner.OnMessage(new TextMessage(Iccid + "/commands/status", string.Empty));
            Assert.Contains("\"rssi\":-73", link.PayloadAt(3));
        }
        [TestMethod]
        public void ACommandTopicWithoutANameOrWithMoreLevelsIsAnsweredAsInvalid()
        {
            Start();
            GoOnline();
            runner.OnMessage(new TextMessage(Iccid + "/commands/", string.Empty));
            runner.OnMessage(new TextMessage(Iccid + "/commands/set-interval/now", "{\"seconds\":60}"));
            Assert.AreEqual(2, runner.CommandsHandled);
            Assert.AreEqual(Iccid + "/replies/invalid", link.TopicAt(0));
            Assert.AreEqual(Iccid + "/replies/invalid", link.TopicAt(1));
            Assert.AreNotEqual(60, runner.IntervalSeconds);
        }

        [TestMethod]
        public void AtQoS0AReadingCountsAsDeliveredOnceSent()
        {
            var settings = new DeviceSettings();
            settings.Qos = 0;
            clock = new ManualClock();
            link = new ScriptedCloudLink(Iccid);
            runner = new DeviceRunner(settings, new SignalOnlyModem(), new FixedSensors(), clock, new RecordingLog(), 8);
            runner.Attach(link);
            GoOnline();
            runner.Step();
            Assert.AreEqual(1, link.Published);
            Assert.AreEqual(0, runner.BacklogCount);
            Assert.AreEqual(1L, runner.ReadingsDelivered);
            Assert.AreEqual(1, runner.MessagesAcknowledged);
        }
    }
}
