namespace CellularIot.Tests.Net
{
    using System;
    using System.Collections;
    using CellularIot.Bytes;
    using CellularIot.Net;
    using CellularIot.Net.Http;
    using CellularIot.Net.WebSockets;
    using CellularIot.Tests.Net.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;
    using TestFrameworkShared;

    [TestClass]
    public class WebSocketTransportTests
    {
        private const string Host = "a1b2c3-ats.iot.eu-west-3.amazonaws.com";

        private const string Accepted = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: " + WebSocketHandshakeTests.RfcAccept + "\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n";

        // The launcher calls test methods with no instance, so the fixture lives in static fields, made anew
        // by Setup() at the start of every test.
        private static ManualClock clock;
        private static ScriptedTransport inner;

        /// <summary>The 16 bytes of RFC 6455's example key, "the sample nonce".</summary>
        internal static byte[] SampleNonce()
        {
            return Utf8.GetBytes("the sample nonce");
        }

        [TestMethod]
        public void TheUpgradeCarriesEveryRequiredAndCustomHeader()
        {
            HttpHeaders auth = new HttpHeaders();
            auth.Add("x-amz-customauthorizer-name", "1nce-authorizer");
            auth.Add("x-amz-customauthorizer-signature", "ab+cd/ef==");
            auth.Add("token", "eyJ.x.y");
            WebSocketTransport ws = Open(string.Empty, new WebSocketSettings(), auth);
            string request = inner.WrittenText;
            Assert.StartsWith("GET /mqtt HTTP/1.1\r\nHost: " + Host + "\r\nConnection: Upgrade\r\n", request);
            Assert.Contains("\r\nUpgrade: websocket\r\n", request);
            Assert.Contains("\r\nSec-WebSocket-Key: " + WebSocketHandshakeTests.RfcKey + "\r\n", request);
            Assert.Contains("\r\nSec-WebSocket-Version: 13\r\n", request);
            Assert.Contains("\r\nSec-WebSocket-Protocol: mqtt\r\n", request);
            Assert.Contains("\r\nx-amz-customauthorizer-name: 1nce-authorizer\r\n", request);
            Assert.Contains("\r\nx-amz-customauthorizer-signature: ab+cd/ef==\r\n", request);
            Assert.Contains("\r\ntoken: eyJ.x.y\r\n\r\n", request);
            Assert.IsTrue(ws.IsOpen);
        }

        [TestMethod]
        public void AHeaderNoRequestCanCarryFailsTheUpgradeThroughItsOneError()
        {
            Setup();
            var headers = new HttpHeaders();
            headers.Add("token", "a\r\nInjected: yes");
            var ws = new WebSocketTransport(inner, clock, new FixedRandom(SampleNonce()), new WebSocketSettings());

            Assert.ThrowsException(typeof(WebSocketException), () => ws.Connect(Host, headers));
            Assert.IsTrue(inner.ClosedLocally);
            Assert.AreEqual(string.Empty, inner.WrittenText);
        }

        [TestMethod]
        public void ARefusedUpgradeClosesTheConnectionAndReportsTheStatus()
        {
            Setup();
            inner.Feed("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");
            var ws = new WebSocketTransport(inner, clock, new FixedRandom(SampleNonce()), new WebSocketSettings());
            try
            {
                ws.Connect(Host, null);
            }
            catch (WebSocketException e)
            {
                Assert.AreEqual(401, e.HandshakeStatus);
                Assert.IsTrue(inner.ClosedLocally);
                Assert.IsFalse(ws.IsOpen);
                return;
            }

            throw new AssertFailedException("no WebSocketException");
        }

        [TestMethod]
        [DataRow("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: wrong=\r\n\r\n")]
        [DataRow("garbage\r\n\r\n")]
        [DataRow("HTTP/1.1 101 Switching")]
        public void AWrongOrCutUpgradeAnswerFails(string answer)
        {
            Setup();
            inner.Feed(answer);
            var ws = new WebSocketTransport(inner, clock, new FixedRandom(SampleNonce()), new WebSocketSettings());
            Assert.ThrowsException(typeof(WebSocketException), () => ws.Connect(Host, null));
            Assert.IsTrue(inner.ClosedLocally);
        }

        [TestMethod]
        public void ASilentServerTimesTheHandshakeOut()
        {
            Setup();
            inner.CloseWhenDrained = false;
            WebSocketSettings settings = new WebSocketSettings();
            settings.HandshakeTimeoutMs = 7000;
            var ws = new WebSocketTransport(inner, clock, new FixedRandom(SampleNonce()), settings);
            long start = clock.MonotonicMs;
            Assert.ThrowsException(typeof(WebSocketException), () => ws.Connect(Host, null));
            Assert.AreEqual(7000, clock.MonotonicMs - start);
        }

        [TestMethod]
        public void WritesMaskedBinaryFrames()
        {
            WebSocketTransport ws = Open(string.Empty, new WebSocketSettings(), null);
            inner.ClearWritten();
            byte[] packet = { 0x10, 0x02, 0x00, 0x04, 0xFF };
            ws.Write(packet, 1, 3);
            byte[] frame = inner.Written;

            // FIN + binary, mask bit + length 3, the mask (the fixed source restarts its pattern: "the "), masked payload.
            Assert.AreEqual(2 + 4 + 3, frame.Length);
            Assert.AreEqual((byte)0x82, frame[0]);
            Assert.AreEqual((byte)0x83, frame[1]);
            CollectionAssert.AreEqual(Utf8.GetBytes("the "), Slice(frame, 2, 4));
            Assert.AreEqual((byte)(0x02 ^ 't'), frame[6]);
            Assert.AreEqual((byte)(0x00 ^ 'h'), frame[7]);
            Assert.AreEqual((byte)(0x04 ^ 'e'), frame[8]);
        }

        [TestMethod]
        public void UsesExtendedLengthsAndSplitsWritesAboveTheFrameLimit()
        {
            WebSocketSettings settings = new WebSocketSettings();
            settings.MaxFrameBytes = 70000;
            WebSocketTransport ws = Open(string.Empty, settings, null);
            inner.ClearWritten();
            byte[] medium = Pattern(200);
            ws.Write(medium, 0, medium.Length);
            byte[] large = Pattern(70001);
            ws.Write(large, 0, large.Length);
            ArrayList frames = ClientFrames(inner.Written, 0);
            Assert.AreEqual(3, frames.Count);
            CollectionAssert.AreEqual(medium, ((ClientFrame)frames[0]).Payload);
            Assert.AreEqual(126, ((ClientFrame)frames[0]).LengthCode);
            Assert.AreEqual(127, ((ClientFrame)frames[1]).LengthCode);
            Assert.AreEqual(70000, ((ClientFrame)frames[1]).Payload.Length);
            Assert.AreEqual(1, ((ClientFrame)frames[2]).Payload.Length);
            Assert.AreEqual(large[70000], ((ClientFrame)frames[2]).Payload[0]);
            for (int i = 0; i < frames.Count; i++)
            {
                Assert.AreEqual(2, ((ClientFrame)frames[i]).Opcode);
                Assert.IsTrue(((ClientFrame)frames[i]).Fin);
            }
        }

        [TestMethod]
        public void ReadsBinaryFramesAsOneStreamUnderAnySplit()
        {
            byte[] first = Pattern(10);
            byte[] second = Pattern(300);
            byte[] expected = Join(first, second);
            for (int seed = 1; seed <= 10; seed++)
            {
                WebSocketTransport ws = Open(HexBytes.ToText(ServerFrame(0x82, first)) + HexBytes.ToText(ServerFrame(0x82, second)), new WebSocketSettings(), null);
                inner.SplitRandomly(seed, 7);
                CollectionAssert.AreEqual(expected, ReadExactly(ws, expected.Length));
            }
        }

        [TestMethod]
        public void ReassemblesAFragmentedMessageAndAnswersAPingInBetween()
        {
            byte[] part1 = Pattern(5);
            byte[] part2 = Pattern(6);
            byte[] part3 = Pattern(7);
            byte[] ping = Utf8.GetBytes("are you there");
            string frames = HexBytes.ToText(ServerFrame(0x02, part1)) + HexBytes.ToText(ServerFrame(0x00, part2)) + HexBytes.ToText(ServerFrame(0x89, ping))
                + HexBytes.ToText(ServerFrame(0x80, part3));
            for (int seed = 1; seed <= 6; seed++)
            {
                WebSocketTransport ws = Open(frames, new WebSocketSettings(), null);
                inner.SplitRandomly(seed, 3);
                int requestLength = inner.Written.Length;
                CollectionAssert.AreEqual(Join(Join(part1, part2), part3), ReadExactly(ws, 18));
                ArrayList sent = ClientFrames(inner.Written, requestLength);
                Assert.AreEqual(1, sent.Count);
                Assert.AreEqual(10, ((ClientFrame)sent[0]).Opcode);
                CollectionAssert.AreEqual(ping, ((ClientFrame)sent[0]).Payload);
            }
        }

        [TestMethod]
        public void AServerCloseIsEchoedAndEndsTheConnection()
        {
            byte[] close = { 0x03, 0xE8, (byte)'b', (byte)'y', (byte)'e' };
            WebSocketTransport ws = Open(HexBytes.ToText(ServerFrame(0x82, Pattern(2))) + HexBytes.ToText(ServerFrame(0x88, close)), new WebSocketSettings(), null);
            int requestLength = inner.Written.Length;
            Assert.AreEqual(2, ReadExactly(ws, 2).Length);
            WebSocketException closed = ReadError(ws);
            Assert.AreEqual(1000, closed.CloseStatus);
            Assert.Contains("bye", closed.Message);
            ArrayList sent = ClientFrames(inner.Written, requestLength);
            Assert.AreEqual(1, sent.Count);
            Assert.AreEqual(8, ((ClientFrame)sent[0]).Opcode);
            CollectionAssert.AreEqual(new byte[] { 0x03, 0xE8 }, ((ClientFrame)sent[0]).Payload);
            Assert.IsTrue(inner.ClosedLocally);
            Assert.IsFalse(ws.IsOpen);
            Assert.AreEqual(1000, ws.CloseStatus);
            Assert.ThrowsException(typeof(WebSocketException), () => ws.Write(new byte[1], 0, 1));
            Assert.ThrowsException(typeof(WebSocketException), () => ws.Read(new byte[1], 0, 1, 10));
        }

        [TestMethod]
        public void AnEmptyCloseIsAnsweredWithAnEmptyClose()
        {
            WebSocketTransport ws = Open(HexBytes.ToText(ServerFrame(0x88, new byte[0])), new WebSocketSettings(), null);
            int requestLength = inner.Written.Length;
            Assert.AreEqual(WebSocketCloseStatus.NoStatusReceived, ReadError(ws).CloseStatus);
            ArrayList sent = ClientFrames(inner.Written, requestLength);
            Assert.AreEqual(0, ((ClientFrame)sent[0]).Payload.Length);
        }

        [TestMethod]
        public void AnOverSizeFrameIsRefusedWith1009()
        {
            WebSocketSettings settings = new WebSocketSettings();
            settings.MaxFrameBytes = 100;
            WebSocketTransport ws = Open(HexBytes.ToText(ServerFrame(0x82, Pattern(101))), settings, null);
            int requestLength = inner.Written.Length;
            Assert.AreEqual(WebSocketCloseStatus.MessageTooBig, ReadError(ws).CloseStatus);
            ArrayList sent = ClientFrames(inner.Written, requestLength);
            CollectionAssert.AreEqual(new byte[] { 0x03, 0xF1 }, ((ClientFrame)sent[0]).Payload);
            Assert.IsTrue(inner.ClosedLocally);
        }

        [TestMethod]
        public void AHugeAnnouncedLengthIsRefusedBeforeAnyPayload()
        {
            byte[] header = { 0x82, 0x7F, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00 };
            WebSocketTransport ws = Open(HexBytes.ToText(header), new WebSocketSettings(), null);
            Assert.AreEqual(WebSocketCloseStatus.MessageTooBig, ReadError(ws).CloseStatus);
        }

        [TestMethod]
        public void AMessageOverTheLimitAcrossFragmentsIsRefused()
        {
            WebSocketSettings settings = new WebSocketSettings();
            settings.MaxFrameBytes = 100;
            settings.MaxMessageBytes = 150;
            WebSocketTransport ws = Open(HexBytes.ToText(ServerFrame(0x02, Pattern(100))) + HexBytes.ToText(ServerFrame(0x80, Pattern(51))), settings, null);
            Assert.AreEqual(100, ReadExactly(ws, 100).Length);
            Assert.AreEqual(WebSocketCloseStatus.MessageTooBig, ReadError(ws).CloseStatus);
        }

        [TestMethod]
        [DataRow("81026869", 1003)]
        [DataRow("C2026869", 1002)]
        [DataRow("8082AABBCCDD", 1002)]
        [DataRow("80026869", 1002)]
        [DataRow("83026869", 1002)]
        [DataRow("8B00", 1002)]
        [DataRow("097E0080", 1002)]
        [DataRow("897E0080", 1002)]
        [DataRow("8801AA", 1002)]
        [DataRow("020168820168", 1002)]
        [DataRow("827F8000000000000000", 1002)]
        public void ProtocolViolationsCloseWithTheRightCode(string frames, int status)
        {
            WebSocketTransport ws = Open(frames, new WebSocketSettings(), null);
            WebSocketException error = ReadError(ws);
            Assert.AreEqual(status, error.CloseStatus, error.Message);
            Assert.IsTrue(inner.ClosedLocally);
        }

        [TestMethod]
        public void ATimeoutReturnsZeroAndAPartialFrameContinuesLater()
        {
            byte[] frame = ServerFrame(0x82, Pattern(4));
            WebSocketTransport ws = Open(HexBytes.ToText(Slice(frame, 0, 1)), new WebSocketSettings(), null);
            inner.CloseWhenDrained = false;
            long start = clock.MonotonicMs;
            Assert.AreEqual(0, ws.Read(new byte[8], 0, 8, 500));
            Assert.AreEqual(500, clock.MonotonicMs - start);
            inner.Feed(Slice(frame, 1, frame.Length - 1));
            CollectionAssert.AreEqual(Pattern(4), ReadExactly(ws, 4));
        }

        [TestMethod]
        public void AConnectionEndingWithoutACloseFrameIsReported()
        {
            WebSocketTransport ws = Open(HexBytes.ToText(new byte[] { 0x82, 0x05, 1, 2 }), new WebSocketSettings(), null);
            byte[] two = new byte[5];
            Assert.AreEqual(2, ws.Read(two, 0, 5, 100));
            Assert.AreEqual(0, ReadError(ws).CloseStatus);
        }

        [TestMethod]
        public void CloseSendsA1000CloseFrameOnceAndClosesTheInnerTransport()
        {
            WebSocketTransport ws = Open(string.Empty, new WebSocketSettings(), null);
            int requestLength = inner.Written.Length;
            ws.Close();
            ws.Close();
            ArrayList sent = ClientFrames(inner.Written, requestLength);
            Assert.AreEqual(1, sent.Count);
            Assert.AreEqual(8, ((ClientFrame)sent[0]).Opcode);
            CollectionAssert.AreEqual(new byte[] { 0x03, 0xE8 }, ((ClientFrame)sent[0]).Payload);
            Assert.IsTrue(inner.ClosedLocally);
            Assert.IsFalse(ws.IsOpen);
        }

        [TestMethod]
        public void ReadAndWriteNeedAConnection()
        {
            Setup();
            var ws = new WebSocketTransport(inner, clock, new FixedRandom(SampleNonce()), new WebSocketSettings());
            Assert.ThrowsException(typeof(InvalidOperationException), () => ws.Read(new byte[1], 0, 1, 1));
            Assert.ThrowsException(typeof(InvalidOperationException), () => ws.Write(new byte[1], 0, 1));
            Assert.IsFalse(ws.IsOpen);
        }

        [TestMethod]
        public void GarbageFramesEndInATypedErrorNeverAHang()
        {
            var generator = new Random(5);
            for (int round = 0; round < 100; round++)
            {
                byte[] garbage = new byte[1 + generator.Next(200)];
                generator.NextBytes(garbage);
                WebSocketTransport ws = Open(HexBytes.ToText(garbage), new WebSocketSettings(), null);
                inner.SplitRandomly(round, 9);
                byte[] into = new byte[64];
                int reads = 0;
                try
                {
                    while (reads++ < 1000)
                    {
                        ws.Read(into, 0, into.Length, 100);
                    }

                    throw new AssertFailedException("reads never ended");
                }
                catch (TransportClosedException)
                {
                    // WebSocketException included: the typed end of every bad stream.
                }
            }
        }

        private static void Setup()
        {
            clock = new ManualClock();
            inner = new ScriptedTransport(clock);
        }

        private WebSocketTransport Open(string framesHex, WebSocketSettings settings, HttpHeaders headers)
        {
            Setup();
            inner.Feed(Accepted);
            inner.Feed(HexBytes.Parse(framesHex));
            var ws = new WebSocketTransport(inner, clock, new FixedRandom(SampleNonce()), settings);
            ws.Connect(Host, headers);
            return ws;
        }

        private static byte[] ReadExactly(WebSocketTransport ws, int count)
        {
            byte[] result = new byte[count];
            int have = 0;
            while (have < count)
            {
                int got = ws.Read(result, have, count - have, 1000);
                if (got == 0)
                {
                    throw new AssertFailedException("timed out after " + have + " bytes");
                }

                have += got;
            }

            return result;
        }

        private static WebSocketException ReadError(WebSocketTransport ws)
        {
            // Data before the failing frame may still be delivered first.
            try
            {
                for (int i = 0; i < 100; i++)
                {
                    ws.Read(new byte[16], 0, 16, 1000);
                }
            }
            catch (WebSocketException e)
            {
                return e;
            }

            throw new AssertFailedException("no WebSocketException");
        }

        internal static byte[] ServerFrame(int first, byte[] payload)
        {
            int extra = payload.Length < 126 ? 0 : (payload.Length <= 0xFFFF ? 2 : 8);
            byte[] frame = new byte[2 + extra + payload.Length];
            frame[0] = (byte)first;
            if (extra == 0)
            {
                frame[1] = (byte)payload.Length;
            }
            else if (extra == 2)
            {
                frame[1] = 126;
                frame[2] = (byte)(payload.Length >> 8);
                frame[3] = (byte)payload.Length;
            }
            else
            {
                frame[1] = 127;
                for (int i = 0; i < 8; i++)
                {
                    frame[2 + i] = (byte)((long)payload.Length >> (56 - (8 * i)));
                }
            }

            Array.Copy(payload, 0, frame, 2 + extra, payload.Length);
            return frame;
        }

        internal static ArrayList ClientFrames(byte[] written, int from)
        {
            ArrayList frames = new ArrayList();
            int at = from;

            while (at < written.Length)
            {
                var frame = new ClientFrame();
                frame.Fin = (written[at] & 0x80) != 0;
                frame.Opcode = written[at] & 0x0F;
                Assert.IsTrue((written[at + 1] & 0x80) != 0, "client frames must be masked");
                frame.LengthCode = written[at + 1] & 0x7F;
                long length = frame.LengthCode;
                at += 2;
                if (length == 126)
                {
                    length = (written[at] << 8) | written[at + 1];
                    at += 2;
                }
                else if (length == 127)
                {
                    length = 0;
                    for (int i = 0; i < 8; i++)
                    {
                        length = (length << 8) | written[at + i];
                    }

                    at += 8;
                }

                byte[] mask = Slice(written, at, 4);
                at += 4;
                frame.Payload = new byte[(int)length];
                for (int i = 0; i < length; i++)
                {
                    frame.Payload[i] = (byte)(written[at + i] ^ mask[i % 4]);
                }

                at += (int)length;
                frames.Add(frame);
            }

            return frames;
        }

        internal static byte[] Pattern(int length)
        {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)((i * 7) + 3);
            }

            return bytes;
        }

        private static byte[] Slice(byte[] source, int offset, int count)
        {
            byte[] part = new byte[count];
            Array.Copy(source, offset, part, 0, count);
            return part;
        }

        private static byte[] Join(byte[] a, byte[] b)
        {
            byte[] joined = new byte[a.Length + b.Length];
            Array.Copy(a, 0, joined, 0, a.Length);
            Array.Copy(b, 0, joined, a.Length, b.Length);
            return joined;
        }

        internal sealed class ClientFrame
        {
            public bool Fin { get; set; }

            public int Opcode { get; set; }

            public int LengthCode { get; set; }

            public byte[] Payload { get; set; }
        }
    }
}
