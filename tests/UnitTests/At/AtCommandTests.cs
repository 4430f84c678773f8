namespace CellularIot.Tests.At
{
    using System;
    using CellularIot.At;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    [TestClass]
    public class AtCommandTests
    {
        [TestMethod]
        public void NeedsRoomForAtAndRefusesTextBeyondItsBuffer()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new AtCommand(1, 16, 1));
            Assert.AreEqual("AT", new AtCommand(2, 16, 1).Begin("AT").Text);
            Assert.ThrowsException(typeof(ArgumentException), () => new AtCommand(4, 16, 1).Begin("AT+CSQ"));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new AtCommand(8, -1, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new AtCommand(8, 16, -1));
        }

        [TestMethod]
        [DataRow("a\rb")]
        [DataRow("\u001b")]
        [DataRow("\u007f")]
        [DataRow("\u00e9")]
        public void RefusesControlAndNonAsciiCharacters(string part)
        {
            var command = new AtCommand(16, 16, 1).Begin("AT+X=");
            Assert.ThrowsException(typeof(ArgumentException), () => command.Append(part));
            Assert.ThrowsException(typeof(ArgumentException), () => AtText.CheckCommandText(part));
            Assert.AreEqual("AT+X=", command.Text);
        }

        [TestMethod]
        public void RefusesMissingText()
        {
            var command = new AtCommand(16, 16, 1).Begin("AT+X=");
            Assert.ThrowsException(typeof(ArgumentNullException), () => command.Append(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => AtText.CheckCommandText(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => AtText.ToPrintable(null, 0, 0));
            Assert.AreEqual("AT+X= ~", command.Append(" ~").Text);
        }

        [TestMethod]
        public void CountsTheMinusSignOfANegativeNumber()
        {
            Assert.AreEqual("AT+X=-12,0,7", new AtCommand(12, 16, 1).Begin("AT+X=").Append(-12).Append(",").Append(0).Append(",").Append(7).Text);
            Assert.AreEqual("AT+X=-12", new AtCommand(8, 16, 1).Begin("AT+X=").Append(-12).Text);
            Assert.ThrowsException(typeof(ArgumentException), () => new AtCommand(7, 16, 1).Begin("AT+X=").Append(-12));
            Assert.ThrowsException(typeof(ArgumentException), () => new AtCommand(6, 16, 1).Begin("AT+X=").Append(12));
        }

        [TestMethod]
        public void NeedsAPrefixForPrefixedAnswersAndForRawReads()
        {
            var command = new AtCommand("AT+CARECV=0,8");
            Assert.ThrowsException(typeof(ArgumentException), () => command.Expect(null, 0));
            Assert.ThrowsException(typeof(ArgumentException), () => command.Expect(string.Empty, 0));
            Assert.ThrowsException(typeof(InvalidOperationException), () => command.WithRawRead(AtRawRead.Inline, new byte[8], 0, 8));
            command.ExpectBare();
            Assert.ThrowsException(typeof(InvalidOperationException), () => command.WithRawRead(AtRawRead.AfterLine, new byte[8], 0, 8));
            Assert.AreEqual((int)AtRawRead.None, (int)command.WithRawRead(AtRawRead.None, null, 0, 0).RawRead);
        }

        [TestMethod]
        public void ChecksThePayloadOnlyWhenAPromptAsksForIt()
        {
            var command = new AtCommand("AT+CASEND=0,4");
            Assert.AreEqual((int)AtPrompt.None, (int)command.WithPayload(AtPrompt.None, null, 0, 0).Prompt);
            Assert.ThrowsException(typeof(ArgumentNullException), () => command.WithPayload(AtPrompt.Angle, null, 0, 4));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => command.WithPayload(AtPrompt.Angle, new byte[4], -1, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => command.WithPayload(AtPrompt.Angle, new byte[4], 0, -1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => command.WithPayload(AtPrompt.Angle, new byte[4], 2, 3));
            Assert.AreEqual((int)AtPrompt.Angle, (int)command.WithPayload(AtPrompt.Angle, new byte[4], 1, 3).Prompt);
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(-1)]
        public void RefusesATimeoutThatIsNotPositive(int timeoutMs)
        {
            var command = new AtCommand("AT");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => command.WithTimeout(timeoutMs));
            Assert.AreEqual(AtCommand.DefaultTimeoutMs, command.TimeoutMs);
        }

        [TestMethod]
        public void ACommandWithoutTextCannotBeSent()
        {
            var receiver = new AtReceiver(64, 4);
            Assert.ThrowsException(typeof(InvalidOperationException), () => receiver.Begin(new AtCommand(8, 16, 1)));
            Assert.IsNull(receiver.InFlight);
            receiver.Begin(new AtCommand("AT"));
            Assert.IsNotNull(receiver.InFlight);
        }

        [TestMethod]
        public void ASuccessOrFailureLineSetToNullNoLongerEndsTheCommand()
        {
            var receiver = new AtReceiver(64, 4);
            var command = new AtCommand("AT+QSSLSEND=0,4").ExpectNoLines().ExpectSuccessLine("SEND OK").ExpectFailureLine("SEND FAIL");
            command.ExpectSuccessLine(null).ExpectFailureLine(null);
            receiver.Begin(command);
            Feed(receiver, "\r\nSEND OK\r\n\r\nSEND FAIL\r\n");
            Assert.AreEqual((int)AtOutcome.None, (int)command.Response.Outcome);
            Assert.AreEqual(2, receiver.UnhandledUrcs);
            Feed(receiver, "\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
        }

        [TestMethod]
        public void DescribesEveryWayACommandFails()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new AtCommandException(null));
            Assert.AreEqual("AT+X: no answer within 5000 ms", Failure(null, "AT+X").Message);
            Assert.AreEqual("AT+X: ERROR", Failure("\r\nERROR\r\n", "AT+X").Message);
            Assert.AreEqual("AT+X: +CME ERROR: SIM busy", Failure("\r\n+CME ERROR: SIM busy\r\n", "AT+X").Message);
            Assert.AreEqual("AT+X: +CMS ERROR: 500", Failure("\r\n+CMS ERROR: 500\r\n", "AT+X").Message);
            Assert.AreEqual("AT+X: malformed answer", Failure("\r\n+X: 1\r\n+X: 2\r\n\r\nOK\r\n", "AT+X").Message);
            Assert.AreEqual("AT+X: SEND FAIL", Failure("\r\nSEND FAIL\r\n", "AT+X").Message);
        }

        // The exception for AT+X answered with answer (null: abandoned), expecting one "+X: " line and SEND FAIL as failure.
        private static AtCommandException Failure(string answer, string text)
        {
            var receiver = new AtReceiver(64, 4);
            var command = new AtCommand(text.Length, 64, 1).Begin(text).Expect("+X: ", 0).ExpectFailureLine("SEND FAIL");
            receiver.Begin(command);
            if (answer == null)
            {
                receiver.Abandon(command);
            }
            else
            {
                Feed(receiver, answer);
            }

            return new AtCommandException(command);
        }

        private static void Feed(AtReceiver receiver, string text)
        {
            byte[] bytes = Utf8.GetBytes(text);
            receiver.Feed(bytes, 0, bytes.Length);
        }
    }
}
