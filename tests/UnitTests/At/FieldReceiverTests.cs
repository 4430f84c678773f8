namespace CellularIot.Tests.At
{
    using System;
    using CellularIot.At;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    /// <summary>
    /// What real SIM70x0 modules send, fed to the receiver in seeded random splits (each seed splits the stream
    /// differently, the same way on every runtime): unsolicited lines without '+' between a command and its bare
    /// answer, line noise, both +CARECV forms and results on either side of OK.
    /// </summary>
    [TestClass]
    public class FieldReceiverTests
    {
        private const string Iccid = "89882280666012345678";

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        public void FindsTheBareAnswerByItsShapeAmongNetworkTimeAndBootLines(int seed)
        {
            var receiver = new AtReceiver(128, 4);
            var command = new AtCommand("AT+CCID").ExpectBare(AtBareShape.Digits(18, 22));
            receiver.Begin(command);
            Feed(receiver, seed, "\r\nDST: 1\r\n\r\n*PSUTTZ: 24/03/05,10:20:30\",+04,1\r\n\r\nSMS Ready\r\n\r\n" + Iccid + "\r\n\r\n+CTZV: +04,1\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(1, command.Response.LineCount);
            Assert.AreEqual(Iccid, command.Response.GetLine(0));
        }

        [TestMethod]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        public void FindsTheRevisionWithOrWithoutItsLabel(int seed)
        {
            AtBareShape shape = AtBareShape.Token("Revision:", 4, 64);
            var labelled = new AtCommand("AT+CGMR").ExpectBare(shape);
            var receiver = new AtReceiver(128, 4);
            receiver.Begin(labelled);
            Feed(receiver, seed, "\r\nDST: 0\r\n\r\nRDY\r\n\r\nRevision:1951B17SIM7080\r\n\r\nOK\r\n");
            Assert.AreEqual("Revision:1951B17SIM7080", labelled.Response.GetLine(0));

            var plain = new AtCommand("AT+CGMR").ExpectBare(shape);
            receiver.Begin(plain);
            Feed(receiver, seed, "\r\nNORMAL POWER DOWN\r\n\r\n*PSUTTZ: 1\r\n\r\n1951B17SIM7080\r\n\r\nOK\r\n");
            Assert.AreEqual(1, plain.Response.LineCount);
            Assert.AreEqual("1951B17SIM7080", plain.Response.GetLine(0));
        }

        [TestMethod]
        [DataRow(8)]
        [DataRow(9)]
        [DataRow(10)]
        [DataRow(11)]
        public void NoiseBytesNeverBreakFramingNorEnterAnAnswer(int seed)
        {
            var receiver = new AtReceiver(128, 4);
            var command = new AtCommand("AT+CCID").ExpectBare(AtBareShape.Digits(18, 22));
            receiver.Begin(command);
            byte[] noise = { 0x00, 0xFF, 0xFE, 0x80, 0x00, 0xC3 };
            byte[] stream = Concat(noise, Utf8.GetBytes("\r\nR"), noise, Utf8.GetBytes("\r\n\r\n8988228066"), noise,
                Utf8.GetBytes("6012345678\r\n\r\nO"), noise, Utf8.GetBytes("K\r\n"));
            SeededSplits.Feed(stream, seed, 5, (data, offset, count) => receiver.Feed(data, offset, count));
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(1, command.Response.LineCount);
            Assert.AreEqual(Iccid, command.Response.GetLine(0));
            Assert.AreEqual(4 * noise.Length, receiver.NoiseBytes);
        }

        [TestMethod]
        [DataRow(12)]
        [DataRow(13)]
        [DataRow(14)]
        public void ReadsCarecvWithoutTheCid(int seed)
        {
            byte[] buffer = new byte[32];
            AtCommand command = Receive(3, buffer);
            var receiver = new AtReceiver(64, 4);
            receiver.Begin(command);
            Feed(receiver, seed, "\r\n+CARECV: 5,he\r\nl\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(5, command.Response.RawCount);
            Assert.AreEqual("he\r\nl", Utf8.Decode(buffer, 0, 5));
        }

        [TestMethod]
        [DataRow(15)]
        [DataRow(16)]
        [DataRow(17)]
        public void ReadsCarecvWithTheCid(int seed)
        {
            byte[] buffer = new byte[32];
            AtCommand command = Receive(3, buffer);
            var receiver = new AtReceiver(64, 4);
            receiver.Begin(command);
            Feed(receiver, seed, "\r\n+CARECV: 3,7,1,2\r\nab\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(7, command.Response.RawCount);
            Assert.AreEqual("1,2\r\nab", Utf8.Decode(buffer, 0, 7));
        }

        [TestMethod]
        [DataRow(18)]
        [DataRow(19)]
        [DataRow(20)]
        public void ReadsAShortFormBlockAsLongAsTheCid(int seed)
        {
            // "+CARECV: 3," is both "cid 3, length follows" and "3 bytes follow"; data that is no number decides.
            byte[] buffer = new byte[32];
            AtCommand command = Receive(3, buffer);
            var receiver = new AtReceiver(64, 4);
            receiver.Begin(command);
            Feed(receiver, seed, "\r\n+CARECV: 3,12x\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)command.Response.Outcome);
            Assert.AreEqual(3, command.Response.RawCount);
            Assert.AreEqual("12x", Utf8.Decode(buffer, 0, 3));

            AtCommand next = Receive(3, buffer);
            receiver.Begin(next);
            Feed(receiver, seed, "\r\n+CARECV: 3,9\r\n\r\nOK\r\n");
            Assert.AreEqual(3, next.Response.RawCount);
            Assert.AreEqual("9\r\n", Utf8.Decode(buffer, 0, 3));
            Assert.AreEqual((int)AtOutcome.Ok, (int)next.Response.Outcome);
        }

        [TestMethod]
        [DataRow(21)]
        [DataRow(22)]
        public void ReadsAnEmptyReceiveInBothForms(int seed)
        {
            byte[] buffer = new byte[32];
            var receiver = new AtReceiver(64, 4);
            AtCommand shortForm = Receive(0, buffer);
            receiver.Begin(shortForm);
            Feed(receiver, seed, "\r\n+CARECV: 0\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)shortForm.Response.Outcome);
            Assert.AreEqual(0, shortForm.Response.RawCount);

            AtCommand cidForm = Receive(2, buffer);
            receiver.Begin(cidForm);
            Feed(receiver, seed, "\r\n+CARECV: 2,0\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)cidForm.Response.Outcome);
            Assert.AreEqual(0, cidForm.Response.RawCount);
        }

        [TestMethod]
        [DataRow(23)]
        [DataRow(24)]
        [DataRow(25)]
        public void TakesTheOpenResultBeforeOrAfterOk(int seed)
        {
            var receiver = new AtReceiver(128, 4);
            var before = new AtCommand("AT+CAOPEN=1,0,\"TCP\",\"h\",443").ExpectResultAfterOk("+CAOPEN: 1,", 1);
            receiver.Begin(before);
            Feed(receiver, seed, "\r\n+CAOPEN: 1,0\r\n\r\nOK\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)before.Response.Outcome);
            Assert.AreEqual("+CAOPEN: 1,0", before.Response.GetLine(0));

            var after = new AtCommand("AT+CAOPEN=1,0,\"TCP\",\"h\",443").ExpectResultAfterOk("+CAOPEN: 1,", 1);
            receiver.Begin(after);
            Feed(receiver, seed, "\r\nOK\r\n\r\nDST: 1\r\n\r\n+CAOPEN: 1,27\r\n");
            Assert.AreEqual((int)AtOutcome.Ok, (int)after.Response.Outcome);
            int result;
            Assert.IsTrue(after.Response.TryGetInt(0, 1, out result));
            Assert.AreEqual(27, result);
        }

        private static AtCommand Receive(int cid, byte[] buffer)
        {
            return new AtCommand(32, 64, 2).Begin("AT+CARECV=" + cid + ",32").Expect("+CARECV: ", 0)
                .WithRawRead(AtRawRead.Inline, buffer, 0, buffer.Length).WithInlineRawId(cid);
        }

        private static void Feed(AtReceiver receiver, int seed, string text)
        {
            SeededSplits.Feed(Utf8.GetBytes(text), seed, 6, (data, offset, count) => receiver.Feed(data, offset, count));
        }

        private static byte[] Concat(params byte[][] parts)
        {
            int total = 0;
            foreach (byte[] part in parts)
            {
                total += part.Length;
            }

            byte[] all = new byte[total];
            int at = 0;
            foreach (byte[] part in parts)
            {
                Array.Copy(part, 0, all, at, part.Length);
                at += part.Length;
            }

            return all;
        }
    }
}
