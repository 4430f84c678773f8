namespace CellularIot.Tests.At
{
    using System;
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Bytes;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class AtChannelTests
    {
        [TestMethod]
        public void ExecutesACommandAndKeepsItsLines()
        {
            var link = new ScriptedLink();
            link.On("AT+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
            AtChannel channel = Start(link, 0);
            try
            {
                var command = new AtCommand("AT+CSQ").Expect("+CSQ: ", 1);
                AtResponse response = channel.ExecuteOk(command);
                Assert.AreEqual(1, response.LineCount);
                int rssi;
                Assert.IsTrue(response.TryGetInt(0, 0, out rssi));
                Assert.AreEqual(20, rssi);
                Assert.AreEqual("AT+CSQ", link.Command(0));
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        public void GivesUpAtTheCommandsOwnTimeoutAndCountsTheLateAnswer()
        {
            var link = new ScriptedLink();
            link.On("AT", ScriptedLink.OkReply);
            link.On("AT+SLOW", (l, c) => l.InjectLater("\r\nOK\r\n", 1000));
            AtChannel channel = Start(link, 0);
            var clock = new RealClock();
            try
            {
                var slow = new AtCommand("AT+SLOW").WithTimeout(150);
                long started = clock.MonotonicMs;
                Assert.AreEqual((int)AtOutcome.Timeout, (int)channel.Execute(slow));
                long waited = clock.MonotonicMs - started;
                Assert.IsTrue(waited >= 140 && waited < 900, "waited " + waited + " ms");
                Assert.ThrowsException(typeof(AtCommandException), () => channel.ExecuteOk(new AtCommand("AT+SLOW").WithTimeout(50)));

                Assert.AreEqual((int)AtOutcome.Ok, (int)channel.Execute(new AtCommand("AT")));
                Assert.IsTrue(Eventually.True(() => channel.StrayFinals >= 1, 3000));
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        public void KeepsTheGuardTimeAfterEachFinalResult()
        {
            var link = new ScriptedLink();
            link.On("AT", ScriptedLink.OkReply);
            AtChannel channel = Start(link, 120);
            try
            {
                channel.ExecuteOk(new AtCommand("AT"));
                channel.ExecuteOk(new AtCommand("AT"));
                channel.ExecuteOk(new AtCommand("AT"));
                Assert.IsTrue(link.CommandTime(1) - link.CommandTime(0) >= 115, "gap " + (link.CommandTime(1) - link.CommandTime(0)));
                Assert.IsTrue(link.CommandTime(2) - link.CommandTime(1) >= 115, "gap " + (link.CommandTime(2) - link.CommandTime(1)));
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        public void WritesThePayloadAtThePrompt()
        {
            var link = new ScriptedLink();
            link.On("AT+CASEND=0,7", (l, c) =>
            {
                l.Inject("\r\n> ");
                l.ExpectPayload(7, "\r\nOK\r\n");
            });
            AtChannel channel = Start(link, 0);
            try
            {
                byte[] data = Utf8.GetBytes("xhello\r\nx");
                channel.ExecuteOk(new AtCommand("AT+CASEND=0,7").WithPayload(AtPrompt.Angle, data, 1, 7));
                Assert.AreEqual(1, link.PayloadCount);
                Assert.AreEqual("hello\r\n", Utf8.Decode(link.Payload(0)));
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        public void DoesNotWriteThePayloadWhenThePromptNeverComes()
        {
            var link = new ScriptedLink();
            link.On("AT+CASEND=0,5", "\r\nERROR\r\n");
            AtChannel channel = Start(link, 0);
            try
            {
                var command = new AtCommand("AT+CASEND=0,5").WithPayload(AtPrompt.Angle, new byte[5], 0, 5);
                Assert.AreEqual((int)AtOutcome.Error, (int)channel.Execute(command));
                Assert.AreEqual(0, link.PayloadCount);
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        public void RunsUrcHandlersOnTheDispatcher()
        {
            var link = new ScriptedLink();
            link.On("AT+CSQ", "\r\n+CSQ: 20,99\r\n\r\n+CADATAIND: 0\r\n\r\nOK\r\n");
            AtChannel channel = Start(link, 0);
            var seen = new ManualResetEvent(false);
            string text = null;
            int length = 0;
            bool prefixed = false;
            channel.Register("+CADATAIND: ", line =>
            {
                text = line.ToString();
                length = line.Length;
                prefixed = line.StartsWith("+CADATAIND: ");
                seen.Set();
            });
            try
            {
                AtResponse response = channel.ExecuteOk(new AtCommand("AT+CSQ").Expect("+CSQ: ", 1));
                Assert.AreEqual(1, response.LineCount);
                Assert.IsTrue(seen.WaitOne(2000, false));
                Assert.AreEqual("+CADATAIND: 0", text);
                Assert.AreEqual(13, length);
                Assert.IsTrue(prefixed);
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        public void LetsAHandlerIssueACommandWithoutDeadlock()
        {
            var link = new ScriptedLink();
            link.On("AT+SLOW", (l, c) => l.InjectLater("\r\nOK\r\n", 200));
            link.On("AT+CSQ", "\r\n+CSQ: 7,99\r\n\r\nOK\r\n");
            AtChannel channel = Start(link, 0);
            var done = new ManualResetEvent(false);
            AtOutcome fromHandler = AtOutcome.None;
            channel.Register("+TRIGGER", line =>
            {
                fromHandler = channel.Execute(new AtCommand("AT+CSQ").Expect("+CSQ: ", 1));
                done.Set();
            });
            try
            {
                link.InjectLater("\r\n+TRIGGER\r\n", 50);
                Assert.AreEqual((int)AtOutcome.Ok, (int)channel.Execute(new AtCommand("AT+SLOW").WithTimeout(2000)));
                Assert.IsTrue(done.WaitOne(2000, false));
                Assert.AreEqual((int)AtOutcome.Ok, (int)fromHandler);
                Assert.IsTrue(link.IndexOf("AT+SLOW") < link.IndexOf("AT+CSQ"));
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        public void SurvivesAThrowingHandler()
        {
            var link = new ScriptedLink();
            var log = new RecordingLog();
            AtChannel channel = Start(link, 0, log);
            var seen = new ManualResetEvent(false);
            channel.Register("+BAD", line => { throw new InvalidOperationException("boom"); });
            channel.Register("+GOOD", line => seen.Set());
            try
            {
                link.Inject("\r\n+BAD\r\n\r\n+GOOD\r\n");
                Assert.IsTrue(seen.WaitOne(2000, false));
                Assert.AreEqual(1, channel.HandlerFailures);
                Assert.IsTrue(log.Contains("boom"));
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        public void RefusesToBeStoppedByItsOwnHandler()
        {
            var link = new ScriptedLink();
            AtChannel channel = Start(link, 0);
            var done = new ManualResetEvent(false);
            Exception caught = null;
            channel.Register("+STOP", line =>
            {
                try
                {
                    channel.Stop();
                }
                catch (InvalidOperationException ex)
                {
                    caught = ex;
                }

                done.Set();
            });
            try
            {
                link.Inject("\r\n+STOP\r\n");
                Assert.IsTrue(done.WaitOne(2000, false));
                Assert.IsNotNull(caught);
                Assert.IsTrue(channel.IsRunning);
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        public void ToleratesEchoAndCountsDroppedLines()
        {
            var link = new ScriptedLink();
            link.Echo = true;
            link.On("AT+CGMR", "\r\nRevision:1951B17SIM7080\r\n\r\nOK\r\n");
            AtChannel channel = Start(link, 0);
            try
            {
                link.Inject("\r\n" + new string('x', 300) + "\r\n");
                AtResponse response = channel.ExecuteOk(new AtCommand("AT+CGMR").ExpectBare());
                Assert.AreEqual(1, response.LineCount);
                Assert.AreEqual("Revision:1951B17SIM7080", response.GetLine(0));
                Assert.AreEqual(1, channel.EchoLines);
                Assert.AreEqual(1, channel.DroppedLines);
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        public void StopsTwiceAndRefusesCommandsWhenStopped()
        {
            var link = new ScriptedLink();
            AtChannel channel = Start(link, 0);
            channel.Stop();
            channel.Stop();
            Assert.IsFalse(channel.IsRunning);
            Assert.ThrowsException(typeof(InvalidOperationException), () => channel.Execute(new AtCommand("AT")));
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void NamesTheMissingPartOfAChannel(int missing)
        {
            var link = new ScriptedLink();
            string[] names = { "link", "clock", "log", "settings" };
            ArgumentNullException caught = null;
            try
            {
                new AtChannel(
                    missing == 0 ? null : link,
                    missing == 1 ? null : new RealClock(),
                    missing == 2 ? null : new RecordingLog(),
                    missing == 3 ? null : new AtChannelSettings());
            }
            catch (ArgumentNullException ex)
            {
                caught = ex;
            }

            Assert.IsNotNull(caught);
            Assert.AreEqual(names[missing], caught.ParamName);
        }

        [TestMethod]
        public void RefusesToExecuteNoCommandAndReceiversTooSmallToWork()
        {
            var link = new ScriptedLink();
            link.On("AT", ScriptedLink.OkReply);
            AtChannel channel = Start(link, 0);
            try
            {
                Assert.ThrowsException(typeof(ArgumentNullException), () => channel.Execute(null));
                Assert.AreEqual((int)AtOutcome.Ok, (int)channel.Execute(new AtCommand("AT")));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new AtReceiver(64, 0));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new AtReceiver(7, 4));
            }
            finally
            {
                channel.Stop();
            }
        }

        private static AtChannel Start(ScriptedLink link, int guardMs)
        {
            return Start(link, guardMs, new RecordingLog());
        }

        private static AtChannel Start(ScriptedLink link, int guardMs, RecordingLog log)
        {
            var settings = new AtChannelSettings();
            settings.PollMs = 10;
            settings.GuardTimeMs = guardMs;
            var channel = new AtChannel(link, new RealClock(), log, settings);
            channel.Start();
            return channel;
        }
    }
}
