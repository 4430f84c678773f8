namespace CellularIot.Tests.At
{
    using System;
    using CellularIot.At;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    /// <summary>The receiver's registrations, its command slot, and the answers that arrive around a prompt or raw block.</summary>
    [TestClass]
    public class AtReceiverContractTests
    {
        private static int firstCalls;
        private static int secondCalls;

        [TestMethod]
        public void RefusesARegistrationWithoutHandlerOrPrefix()
        {
            var receiver = new AtReceiver(64, 4);
            Assert.ThrowsException(typeof(ArgumentNullException), () => receiver.Register("+X: ", null));
            Assert.ThrowsException(typeof(ArgumentException), () => receiver.Register(string.Empty, First));
            Assert.ThrowsException(typeof(ArgumentNullException), () => receiver.Begin(null));
        }

        [TestMethod]
        public void ASecondRegistrationOfAPrefixReplacesTheFirst()
        {
            firstCalls = 0;
            secondCalls = 0;
            var receiver = new AtReceiver(64, 4);
            receiver.Register("+X: ", First);
            receiver.Register("+X: ", Second);
            Feed(receiver, "\r\n+X: 1\r\n");
            Dispatch(receiver);
            Assert.AreEqual(0, firstCalls);
            Assert.AreEqual(1, secondCalls);

            Assert.IsTrue(receiver.Unregister("+X: "));
            Assert.IsFalse(receiver.Unregister("+X: "));
            Assert.IsFalse(receiver.Unregister("+Y: "));
            Feed(receiver, "\r\n+X: 2\r\n");
            Assert.AreEqual(0, receiver.PendingUrcs);
            Assert.AreEqual(1, receiver.UnhandledUrcs);
        }

        [TestMethod]
        public void AbandoningAnotherCommandLeavesTheOneInFlight()
        {
            var receiver = new AtReceiver(64, 4);
            var command = new AtCommand("AT+CSQ").Expect("+CSQ: ", 1);
            receiver.Begin(command);
            receiver.Abandon(null);
            receiver.Abandon(new AtCommand("AT+CSQ"));
            Assert.AreSame(command, receiver.InFlight);
            Assert.AreEqual((int)AtOutcome.None, (int)command.Response.Outcome);

            Feed(receiver, "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(1, command.Response.LineCount);
        }

        [TestMethod]
        public void AUrcBeforeTheDownloadPromptStaysAUrc()
        {
            var receiver = new AtReceiver(64, 4);
            var command = new AtCommand("AT+CFSWFILE=3,\"ca.pem\",0,3,10000").WithPayload(AtPrompt.Download, new byte[3], 0, 3);
            receiver.Begin(command);
            Assert.AreEqual(0, Feed(receiver, "\r\n+CEREG: 5\r\n\r\nCONNECT\r\n"));
            Assert.AreEqual(2, receiver.UnhandledUrcs);
            Assert.AreEqual(AtReceiver.CommandProgressed, Feed(receiver, "\r\nDOWNLOAD\r\n"));
            Assert.AreEqual(2, receiver.UnhandledUrcs);
        }

        [TestMethod]
        public void AnInlineBlockOfNoBytesEndsAtOnce()
        {
            var receiver = new AtReceiver(64, 4);
            byte[] buffer = new byte[16];
            var command = new AtCommand(32, 64, 2).Begin("AT+CARECV=0,16").Expect("+CARECV: ", 0).WithRawRead(AtRawRead.Inline, buffer, 0, 16);
            receiver.Begin(command);
            Feed(receiver, "\r\n+CARECV: 0,\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(0, command.Response.RawCount);
            Assert.AreEqual(1, command.Response.LineCount);
        }

        [TestMethod]
        public void IgnoresRawBytesPromptsAndHeadersNoCommandAsksFor()
        {
            var receiver = new AtReceiver(64, 4);
            byte[] header = Utf8.GetBytes("+CARECV: 4,");
            receiver.OnRaw(header, 0, 4);
            receiver.OnPrompt();
            Assert.AreEqual(-1, receiver.OnInlineRawHeader(header, header.Length, true));

            var plain = new AtCommand("AT+CARECV=0,4").Expect("+CARECV: ", 0);
            receiver.Begin(plain);
            receiver.OnRaw(header, 0, 4);
            Assert.AreEqual(-1, receiver.OnInlineRawHeader(header, header.Length, true));
            Assert.AreEqual(0, plain.Response.RawCount);
            Feed(receiver, "\r\nOK\r\n");

            var download = new AtCommand("AT+CFSWFILE=3,\"ca.pem\",0,3,10000").WithPayload(AtPrompt.Download, new byte[3], 0, 3);
            receiver.Begin(download);
            receiver.OnPrompt();
            Assert.AreEqual(AtReceiver.CommandProgressed, Feed(receiver, "\r\nDOWNLOAD\r\n"));
        }

        [TestMethod]
        public void AResponseRefusesALineItDoesNotHold()
        {
            var receiver = new AtReceiver(64, 4);
            var command = new AtCommand("AT+CSQ").Expect("+CSQ: ", 1);
            receiver.Begin(command);
            Feed(receiver, "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
            Assert.AreEqual("+CSQ: 20,99", command.Response.GetLine(0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => command.Response.GetLine(1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => command.Response.GetField(-1, 0));
        }

        private static void First(AtLine line)
        {
            firstCalls++;
        }

        private static void Second(AtLine line)
        {
            secondCalls++;
        }

        private static void Dispatch(AtReceiver receiver)
        {
            var line = new AtLine(64);
            UrcHandler handler;
            while ((handler = receiver.DequeueUrc(line)) != null)
            {
                handler(line);
            }
        }

        private static int Feed(AtReceiver receiver, string text)
        {
            byte[] bytes = Utf8.GetBytes(text);
            return receiver.Feed(bytes, 0, bytes.Length);
        }
    }
}
