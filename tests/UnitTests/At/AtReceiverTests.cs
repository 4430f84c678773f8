namespace CellularIot.Tests.At
{
    using CellularIot.At;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    [TestClass]
    public class AtReceiverTests
    {
        [TestMethod]
        public void DoesNotTakeASamePrefixUrcForTheAnswer()
        {
            var receiver = new AtReceiver(128, 4);
            receiver.Register("+CEREG: ", Ignore);
            var command = new AtCommand("AT+CEREG?").Expect("+CEREG: ", 1);
            receiver.Begin(command);
            int flags = Feed(receiver, "\r\n+CEREG: 5\r\n\r\n+CEREG: 0,5\r\n\r\nOK\r\n");
            Assert.AreEqual(AtReceiver.CommandProgressed | AtReceiver.UrcQueued, flags);
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(1, command.Response.LineCount);
            Assert.AreEqual("+CEREG: 0,5", command.Response.GetLine(0));
            var urc = new AtLine(128);
            Assert.IsNotNull(receiver.DequeueUrc(urc));
            Assert.AreEqual("+CEREG: 5", urc.ToString());
        }

        [TestMethod]
        public void WaitsAfterOkForTheResultLineOfItsOwnSocket()
        {
            var receiver = new AtReceiver(128, 4);
            var command = new AtCommand("AT+CAOPEN=0,0,\"TCP\",\"h\",443").ExpectResultAfterOk("+CAOPEN: 0,", 1);
            receiver.Begin(command);
            Feed(receiver, "\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.None, (int)command.Response.Outcome);
            Feed(receiver, "\r\n+CAOPEN: 1,0\r\n");
            Assert.AreEqual((int)AtOutcome.None, (int)command.Response.Outcome);
            Assert.AreEqual(1, receiver.UnhandledUrcs);
            Feed(receiver, "\r\n+CAOPEN: 0,24\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            int result;
            Assert.IsTrue(command.Response.TryGetInt(0, 1, out result));
            Assert.AreEqual(24, result);
            Assert.IsNull(receiver.InFlight);
        }

        [TestMethod]
        public void FinishesAtAnErrorWithoutWaitingForTheResultLine()
        {
            var receiver = new AtReceiver(128, 4);
            var command = new AtCommand("AT+CAOPEN=0,0,\"TCP\",\"h\",443").ExpectResultAfterOk("+CAOPEN: 0,", 1);
            receiver.Begin(command);
            Feed(receiver, "\r\n+CME ERROR: operation not allowed\r\n");
            Assert.AreEqual((int)AtOutcome.CmeError, (int)command.Response.Outcome);
            Assert.AreEqual("operation not allowed", command.Response.ErrorText);
        }

        [TestMethod]
        public void ReadsARawBlockWithLineEndsInside()
        {
            var receiver = new AtReceiver(64, 4);
            byte[] buffer = new byte[16];
            var command = new AtCommand(32, 64, 2).Begin("AT+CARECV=0,16").Expect("+CARECV: ", 0).WithRawRead(AtRawRead.Inline, buffer, 0, 16);
            receiver.Begin(command);
            Feed(receiver, "\r\n+CARECV: 7,a\r\nOK\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(7, command.Response.RawCount);
            Assert.AreEqual("a\r\nOK\r\n", Utf8.Decode(buffer, 0, 7));
        }

        [TestMethod]
        public void ReadsAnEmptyReceive()
        {
            var receiver = new AtReceiver(64, 4);
            byte[] buffer = new byte[16];
            var command = new AtCommand(32, 64, 2).Begin("AT+CARECV=0,16").Expect("+CARECV: ", 0).WithRawRead(AtRawRead.Inline, buffer, 0, 16);
            receiver.Begin(command);
            Feed(receiver, "\r\n+CARECV: 0\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(0, command.Response.RawCount);
        }

        [TestMethod]
        public void ReadsARawBlockAfterItsLine()
        {
            var receiver = new AtReceiver(64, 4);
            byte[] buffer = new byte[8];
            var command = new AtCommand(64, 64, 2).Begin("AT+CFSRFILE=3,\"ca.pem\",0,6,0").Expect("+CFSRFILE: ", 0)
                .WithRawRead(AtRawRead.AfterLine, buffer, 0, 8);
            receiver.Begin(command);
            Feed(receiver, "\r\n+CFSRFILE: 6\r\n-\r\n-\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(6, command.Response.RawCount);
            Assert.AreEqual("-\r\n-\r\n", Utf8.Decode(buffer, 0, 6));
        }

        [TestMethod]
        public void MarksALengthBeyondTheBufferMalformedAndStaysInStep()
        {
            var receiver = new AtReceiver(64, 4);
            byte[] buffer = new byte[4];
            var command = new AtCommand(32, 64, 2).Begin("AT+CARECV=0,4").Expect("+CARECV: ", 0).WithRawRead(AtRawRead.Inline, buffer, 0, 4);
            receiver.Begin(command);
            Feed(receiver, "\r\n+CARECV: 10,0123456789\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Malformed, (int)command.Response.Outcome);

            var next = new AtCommand("AT");
            receiver.Begin(next);
            Feed(receiver, "\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)next.Response.Outcome);
        }

        [TestMethod]
        public void AnAbandonedRawBlockNeverFeedsTheNextCommand()
        {
            var receiver = new AtReceiver(64, 4);
            byte[] first = new byte[16];
            byte[] second = new byte[16];
            var lost = new AtCommand(32, 64, 2).Begin("AT+CARECV=0,16").Expect("+CARECV: ", 0).WithRawRead(AtRawRead.Inline, first, 0, 16);
            receiver.Begin(lost);

            // Four of the ten announced bytes were lost on the way: the block eats the OK and still waits for four.
            Feed(receiver, "\r\n+CARECV: 10,012345\r\nOK\r\n");
            receiver.Abandon(lost);
            Assert.AreEqual((int)AtOutcome.Timeout, (int)lost.Response.Outcome);

            var next = new AtCommand(32, 64, 2).Begin("AT+CARECV=1,16").Expect("+CARECV: ", 0).WithRawRead(AtRawRead.Inline, second, 0, 16);
            receiver.Begin(next);
            Feed(receiver, "\r\n+CARECV: 5,hello\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)next.Response.Outcome);
            Assert.AreEqual(5, next.Response.RawCount);
            Assert.AreEqual("hello", Utf8.Decode(second, 0, 5));
        }

        [TestMethod]
        public void DeliversAUrcFromTheMiddleOfAResponseAndKeepsTheResponseWhole()
        {
            var receiver = new AtReceiver(128, 4);
            receiver.Register("+CADATAIND: ", Ignore);
            var command = new AtCommand("AT+CSQ").Expect("+CSQ: ", 1);
            receiver.Begin(command);
            Feed(receiver, "\r\n+CSQ: 20,99\r\n\r\n+CADATAIND: 0\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(1, command.Response.LineCount);
            Assert.AreEqual("+CSQ: 20,99", command.Response.GetLine(0));
            var urc = new AtLine(128);
            Assert.IsNotNull(receiver.DequeueUrc(urc));
            Assert.IsTrue(urc.Is("+CADATAIND: 0"));
        }

        [TestMethod]
        [DataRow("\r\n+CME ERROR: 10\r\n", 3, 10, "10")]
        [DataRow("\r\n+CME ERROR: SIM not inserted\r\n", 3, -1, "SIM not inserted")]
        [DataRow("\r\n+CMS ERROR: 304\r\n", 4, 304, "304")]
        [DataRow("\r\n+CMS ERROR: invalid PDU mode\r\n", 4, -1, "invalid PDU mode")]
        [DataRow("\r\nERROR\r\n", 2, -1, "ERROR")]
        public void TurnsErrorsIntoTypedOutcomes(string reply, int outcome, int code, string text)
        {
            var receiver = new AtReceiver(128, 4);
            var command = new AtCommand("AT+CPIN?").Expect("+CPIN: ", 0);
            receiver.Begin(command);
            Feed(receiver, reply);
            Assert.AreEqual(outcome, (int)command.Response.Outcome);
            Assert.AreEqual(code, command.Response.ErrorCode);
            Assert.AreEqual(text, command.Response.ErrorText);
            Assert.IsFalse(command.Response.IsOk);
        }

        [TestMethod]
        public void SkipsTheEcho()
        {
            var receiver = new AtReceiver(128, 4);
            var command = new AtCommand("AT+CSQ").Expect("+CSQ: ", 1);
            receiver.Begin(command);
            Feed(receiver, "AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(1, command.Response.LineCount);
            Assert.AreEqual(1, receiver.EchoLines);
        }

        [TestMethod]
        public void TakesBareLinesButNotUrcsOrPlusLines()
        {
            var receiver = new AtReceiver(128, 4);
            receiver.Register("RDY", Ignore);
            var command = new AtCommand("AT+CCID").ExpectBare();
            receiver.Begin(command);
            Feed(receiver, "\r\nRDY\r\n\r\n+CPIN: READY\r\n\r\n89882280666012345678\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(1, command.Response.LineCount);
            Assert.AreEqual("89882280666012345678", command.Response.GetLine(0));
            Assert.AreEqual(1, receiver.PendingUrcs);
            Assert.AreEqual(1, receiver.UnhandledUrcs);
        }

        [TestMethod]
        public void ReportsTheAnglePromptThenTheResult()
        {
            var receiver = new AtReceiver(128, 4);
            var command = new AtCommand("AT+CASEND=0,5").WithPayload(AtPrompt.Angle, new byte[5], 0, 5);
            receiver.Begin(command);
            Assert.AreEqual(AtReceiver.CommandProgressed, Feed(receiver, "\r\n> "));
            Assert.AreEqual((int)AtOutcome.None, (int)command.Response.Outcome);
            Feed(receiver, "\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
        }

        [TestMethod]
        public void ReportsTheDownloadPrompt()
        {
            var receiver = new AtReceiver(128, 4);
            var command = new AtCommand("AT+CFSWFILE=3,\"a\",0,5,10000").WithPayload(AtPrompt.Download, new byte[5], 0, 5);
            receiver.Begin(command);
            Assert.AreEqual(AtReceiver.CommandProgressed, Feed(receiver, "\r\nDOWNLOAD\r\n"));
            Assert.AreEqual((int)AtOutcome.None, (int)command.Response.Outcome);
            Feed(receiver, "\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
        }

        [TestMethod]
        public void ReportsTheConnectPromptThenTheUploadsResult()
        {
            var receiver = new AtReceiver(128, 4);
            var command = new AtCommand("AT+QFUPL=\"UFS:a\",3,10").Expect("+QFUPL: ", 1).WithPayload(AtPrompt.Connect, new byte[3], 0, 3);
            receiver.Begin(command);
            Assert.AreEqual(AtReceiver.CommandProgressed, Feed(receiver, "\r\nCONNECT\r\n"));
            Assert.AreEqual((int)AtOutcome.None, (int)command.Response.Outcome);
            Feed(receiver, "\r\n+QFUPL: 3,242\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual("242", command.Response.GetField(0, 1));
        }

        [TestMethod]
        public void EndsWithTheCommandsOwnFailureLine()
        {
            var receiver = new AtReceiver(128, 4);
            var command = new AtCommand("AT+QSSLSEND=0,5").ExpectSuccessLine("SEND OK").ExpectFailureLine("SEND FAIL")
                .WithPayload(AtPrompt.Angle, new byte[5], 0, 5);
            receiver.Begin(command);
            Feed(receiver, "\r\n> ");
            Feed(receiver, "\r\nSEND FAIL\r\n");
            Assert.AreEqual((int)AtOutcome.Error, (int)command.Response.Outcome);
            Assert.AreEqual("SEND FAIL", command.Response.ErrorText);
            Assert.Contains("SEND FAIL", new AtCommandException(command).Message);
        }

        [TestMethod]
        public void EndsWithTheCommandsOwnSuccessLine()
        {
            var receiver = new AtReceiver(128, 4);
            receiver.Register("NORMAL POWER DOWN", Ignore);
            var command = new AtCommand("AT+CPOWD=1").ExpectSuccessLine("NORMAL POWER DOWN");
            receiver.Begin(command);
            Feed(receiver, "\r\nNORMAL POWER DOWN\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(0, receiver.PendingUrcs);
        }

        [TestMethod]
        public void CountsFinalsWithoutACommandAndUrcsWithoutAHandler()
        {
            var receiver = new AtReceiver(128, 4);
            Assert.AreEqual(0, Feed(receiver, "\r\nOK\r\n\r\n+CEREG: 5\r\n"));
            Assert.AreEqual(1, receiver.StrayFinals);
            Assert.AreEqual(1, receiver.UnhandledUrcs);
        }

        [TestMethod]
        public void AbandonedCommandTimesOutAndItsLateAnswerIsStray()
        {
            var receiver = new AtReceiver(128, 4);
            var command = new AtCommand("AT+CSQ").Expect("+CSQ: ", 1);
            receiver.Begin(command);
            receiver.Abandon(command);
            Assert.AreEqual((int)AtOutcome.Timeout, (int)command.Response.Outcome);
            Feed(receiver, "\r\n+CSQ: 1,2\r\n\r\nOK\r\n");
            Assert.AreEqual(0, command.Response.LineCount);
            Assert.AreEqual(1, receiver.StrayFinals);
        }

        [TestMethod]
        public void DropsAndCountsUrcsWhenTheQueueIsFull()
        {
            var receiver = new AtReceiver(64, 2);
            receiver.Register("+U: ", Ignore);
            Feed(receiver, "\r\n+U: 1\r\n\r\n+U: 2\r\n\r\n+U: 3\r\n");
            Assert.AreEqual(1, receiver.DroppedUrcs);
            var line = new AtLine(64);
            receiver.DequeueUrc(line);
            Assert.AreEqual("+U: 1", line.ToString());
            receiver.DequeueUrc(line);
            Assert.AreEqual("+U: 2", line.ToString());
            Assert.IsNull(receiver.DequeueUrc(line));
        }

        [TestMethod]
        public void PicksTheLongestMatchingPrefix()
        {
            var receiver = new AtReceiver(64, 4);
            UrcHandler general = Ignore;
            UrcHandler specific = line => { };
            receiver.Register("+CA", general);
            receiver.Register("+CASTATE: ", specific);
            Feed(receiver, "\r\n+CASTATE: 0,0\r\n");
            var urc = new AtLine(64);
            Assert.AreSame(specific, receiver.DequeueUrc(urc));
            Assert.IsTrue(receiver.Unregister("+CASTATE: "));
            Feed(receiver, "\r\n+CASTATE: 0,0\r\n");
            Assert.AreSame(general, receiver.DequeueUrc(urc));
        }

        [TestMethod]
        public void RefusesASecondCommandInFlight()
        {
            var receiver = new AtReceiver(64, 4);
            receiver.Begin(new AtCommand("AT"));
            Assert.ThrowsException(typeof(System.InvalidOperationException), () => receiver.Begin(new AtCommand("AT")));
        }

        private static int Feed(AtReceiver receiver, string text)
        {
            byte[] bytes = Utf8.GetBytes(text);
            return receiver.Feed(bytes, 0, bytes.Length);
        }

        private static void Ignore(AtLine line)
        {
        }
    }
}
