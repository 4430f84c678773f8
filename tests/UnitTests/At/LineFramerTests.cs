namespace CellularIot.Tests.At
{
    using System;
    using CellularIot.At;
    using CellularIot.Bytes;
    using nanoFramework.TestFramework;

    [TestClass]
    public class LineFramerTests
    {
        [TestMethod]
        public void EndsLinesAtEveryLineEndVariant()
        {
            var sink = new RecordingSink();
            var framer = new LineFramer(64, sink);
            Feed(framer, "\r\nOK\r\nA\nB\r\n\rC\n\rD\r\n");
            Assert.AreEqual("L:OK|L:A|L:B|L:C|L:D|", sink.Joined);
        }

        [TestMethod]
        public void RecoversLinesFedOneByteAtATime()
        {
            var sink = new RecordingSink();
            var framer = new LineFramer(64, sink);
            byte[] stream = Utf8.GetBytes("\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
            for (int i = 0; i < stream.Length; i++)
            {
                framer.Feed(stream, i, 1);
            }

            Assert.AreEqual("L:+CSQ: 20,99|L:OK|", sink.Joined);
        }

        [TestMethod]
        public void DropsAndCountsAnOverlongLineAndKeepsTheNext()
        {
            var sink = new RecordingSink();
            var framer = new LineFramer(8, sink);
            Feed(framer, "\r\n123456789\r\n\r\n12345678\r\nOK\r\n");
            Assert.AreEqual("L:12345678|L:OK|", sink.Joined);
            Assert.AreEqual(1, framer.DroppedLines);
            Assert.AreEqual(8, framer.LineCapacity);
        }

        [TestMethod]
        public void EndlessGarbageIsDroppedOnceAndNeverBuffered()
        {
            var sink = new RecordingSink();
            var framer = new LineFramer(16, sink);
            byte[] garbage = new byte[4096];
            for (int i = 0; i < garbage.Length; i++)
            {
                garbage[i] = (byte)('a' + (i % 26));
            }

            for (int round = 0; round < 50; round++)
            {
                framer.Feed(garbage, 0, garbage.Length);
            }

            Assert.AreEqual(0, sink.Count);
            Assert.AreEqual(1, framer.DroppedLines);
            Feed(framer, "\r\nOK\r\n");
            Assert.AreEqual("L:OK|", sink.Joined);
            Assert.AreEqual(16, framer.LineCapacity);
        }

        [TestMethod]
        public void SeesThePromptOnlyWhenArmed()
        {
            var sink = new RecordingSink();
            var framer = new LineFramer(64, sink);
            Feed(framer, "\r\n> x\r\n");
            Assert.AreEqual("L:> x|", sink.Joined);

            framer.ArmPrompt(true);
            Feed(framer, "\r\n> ");
            Feed(framer, "\r\nOK\r\n");
            Assert.AreEqual("L:> x|P|L:OK|", sink.Joined);
        }

        [TestMethod]
        public void PassesAnInlineRawBlockWithLineEndsInside()
        {
            var sink = new RecordingSink();
            sink.InlinePrefixLength = "+CARECV: ".Length;
            var framer = new LineFramer(64, sink);
            framer.ArmInlineRaw(Utf8.GetBytes("+CARECV: "));
            Feed(framer, "\r\n+CARECV: 8,ab\r\ncd\r\n\r\nOK\r\n");
            Assert.AreEqual("R:ab\\r\\ncd\\r\\n|E|L:OK|", sink.Joined);
        }

        [TestMethod]
        public void PassesAnInlineRawBlockSplitAtEveryPoint()
        {
            byte[] stream = Utf8.GetBytes("\r\n+CARECV: 6,\r\n\r\nOK\r\n\r\nOK\r\n");
            for (int split = 1; split < stream.Length; split++)
            {
                var sink = new RecordingSink();
                sink.InlinePrefixLength = "+CARECV: ".Length;
                var framer = new LineFramer(64, sink);
                framer.ArmInlineRaw(Utf8.GetBytes("+CARECV: "));
                framer.Feed(stream, 0, split);
                framer.Feed(stream, split, stream.Length - split);
                Assert.AreEqual("R:\\r\\n\\r\\nOK|E|L:OK|", sink.Joined, "split at " + split);
            }
        }

        [TestMethod]
        public void PassesARawBlockThatFollowsItsLine()
        {
            var sink = new RecordingSink();
            var framer = new LineFramer(64, sink);
            sink.Framer = framer;
            sink.AfterLinePrefix = "+CFSRFILE: ";
            Feed(framer, "\r\n+CFSRFILE: 4\r\n\r\n\r\n\r\nOK\r\n");
            Assert.AreEqual("L:+CFSRFILE: 4|R:\\r\\n\\r\\n|E|L:OK|", sink.Joined);
        }

        [TestMethod]
        public void CancelledRawBlockLeavesWhatFollowsAsLines()
        {
            var sink = new RecordingSink();
            var framer = new LineFramer(64, sink);
            sink.Framer = framer;
            sink.AfterLinePrefix = "+CFSRFILE: ";
            Feed(framer, "\r\n+CFSRFILE: 9\r\nab");
            framer.CancelRaw();
            Feed(framer, "\r\nOK\r\n");
            Assert.AreEqual("L:+CFSRFILE: 9|L:OK|", sink.Joined);
        }

        [TestMethod]
        public void LeavesLinesAloneWhenInlineRawIsNotArmed()
        {
            var sink = new RecordingSink();
            sink.InlinePrefixLength = "+CARECV: ".Length;
            var framer = new LineFramer(64, sink);
            Feed(framer, "\r\n+CARECV: 2,ab\r\n");
            Assert.AreEqual("L:+CARECV: 2,ab|", sink.Joined);
        }

        [TestMethod]
        public void RefusesALineBufferUnderEightBytesAMissingSinkAndBadRanges()
        {
            var sink = new RecordingSink();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new LineFramer(7, sink));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new LineFramer(8, null));
            var framer = new LineFramer(8, sink);
            Assert.ThrowsException(typeof(ArgumentNullException), () => framer.Feed(null, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => framer.Feed(new byte[4], 2, 3));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => framer.BeginRaw(-1));
            Feed(framer, "\r\nOK\r\n");
            Assert.AreEqual("L:OK|", sink.Joined);
        }

        private static void Feed(LineFramer framer, string text)
        {
            byte[] bytes = Utf8.GetBytes(text);
            framer.Feed(bytes, 0, bytes.Length);
        }
    }
}
