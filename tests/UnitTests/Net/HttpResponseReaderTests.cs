namespace CellularIot.Tests.Net
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Net;
    using CellularIot.Net.Http;
    using CellularIot.Tests.Net.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;
    using TestFrameworkShared;

    [TestClass]
    public class HttpResponseReaderTests
    {
        private const int Seeds = 12;

        [TestMethod]
        public void ReadsStatusHeadersAndContentLengthBodyUnderAnySplit()
        {
            string response = "HTTP/1.1 200 OK\r\nContent-Type: text/csv; charset=utf-8\r\nContent-Length: 11\r\nX-Empty:\r\n\r\nhello world";
            for (int seed = 1; seed <= Seeds; seed++)
            {
                HttpResponse parsed = Parse(response, seed, 5);
                Assert.AreEqual(200, parsed.StatusCode);
                Assert.AreEqual("OK", parsed.ReasonPhrase);
                Assert.AreEqual(1, parsed.MinorVersion);
                Assert.AreEqual("text/csv", parsed.MediaType);
                Assert.AreEqual(string.Empty, parsed.Headers.Get("x-empty"));
                Assert.AreEqual("hello world", Utf8.Decode(parsed.Body));
            }
        }

        [TestMethod]
        public void HeaderNamesIgnoreCaseAndValuesAreTrimmed()
        {
            HttpResponse parsed = Parse("HTTP/1.1 404 Not Found\r\ncontent-LENGTH:   2 \r\nSet-Thing: a\r\nSet-Thing: b\r\n\r\n{}", 0, 0);
            Assert.AreEqual(404, parsed.StatusCode);
            Assert.AreEqual("Not Found", parsed.ReasonPhrase);
            Assert.AreEqual("2", parsed.Headers.Get("Content-Length"));
            Assert.AreEqual("a, b", parsed.Headers.GetCombined("set-thing"));
            Assert.AreEqual(3, parsed.Headers.Count);
            Assert.IsFalse(parsed.IsSuccess);
        }

        [TestMethod]
        public void AcceptsBareLineFeedsAndAnEmptyReason()
        {
            HttpResponse parsed = Parse("HTTP/1.0 204\nServer: x\n\n", 0, 0);
            Assert.AreEqual(204, parsed.StatusCode);
            Assert.AreEqual(0, parsed.MinorVersion);
            Assert.AreEqual(string.Empty, parsed.ReasonPhrase);
            Assert.AreEqual(0, parsed.Body.Length);
        }

        [TestMethod]
        public void ReadsChunkedBodiesWithExtensionsAndTrailersUnderAnySplit()
        {
            string response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n"
                + "1 \r\n,\r\n"
                + "A\r\n 012345678\r\n"
                + "0\r\nTrailer-Field: x\r\n\r\n";
            for (int seed = 1; seed <= Seeds; seed++)
            {
                HttpResponse parsed = Parse(response, seed, 4);
                Assert.AreEqual("hello, 012345678", Utf8.Decode(parsed.Body));
            }
        }

        [TestMethod]
        public void TransferEncodingWinsOverContentLength()
        {
            HttpResponse parsed = Parse("HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 0, 0);
            Assert.AreEqual("abc", Utf8.Decode(parsed.Body));
        }

        [TestMethod]
        public void ReadsUntilCloseWithoutLengthUnderAnySplit()
        {
            for (int seed = 1; seed <= Seeds; seed++)
            {
                HttpResponse parsed = Parse("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the very end", seed, 3);
                Assert.AreEqual("until the very end", Utf8.Decode(parsed.Body));
            }
        }

        [TestMethod]
        public void SkipsInterimResponses()
        {
            HttpResponse parsed = Parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", 0, 0);
            Assert.AreEqual(200, parsed.StatusCode);
            Assert.AreEqual("x", Utf8.Decode(parsed.Body));
        }

        [TestMethod]
        public void HeadLeavesWhatFollowsInTheReader()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n\u0001\u0002");
            var reader = new TransportReader(transport, 256);
            HttpResponse head = new HttpResponseReader(reader, clock, new HttpSettings()).ReadHead();
            Assert.AreEqual(101, head.StatusCode);
            Assert.AreEqual(2, reader.Available);
        }

        [TestMethod]
        [DataRow("HTTP/1.1 20 OK\r\n\r\n")]
        [DataRow("HTTP/2 200 OK\r\n\r\n")]
        [DataRow("HTTP/1.1 2000 OK\r\n\r\n")]
        [DataRow("http/1.1 200 OK\r\n\r\n")]
        [DataRow("HTTP/1.1 099 Low\r\n\r\n")]
        [DataRow("SSH-2.0-OpenSSH\r\n\r\n")]
        [DataRow("\r\nHTTP/1.1 200 OK\r\n\r\n")]
        [DataRow("HTTP/1.1 200 OK\u0001\r\n\r\n")]
        public void RejectsMalformedStatusLines(string response)
        {
            ExpectError(HttpError.MalformedStatusLine, response, new HttpSettings());
        }

        [TestMethod]
        [DataRow("HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n")]
        [DataRow("HTTP/1.1 200 OK\r\n: no name\r\n\r\n")]
        [DataRow("HTTP/1.1 200 OK\r\nName : space before colon\r\n\r\n")]
        [DataRow("HTTP/1.1 200 OK\r\nA: b\r\n folded\r\n\r\n")]
        [DataRow("HTTP/1.1 200 OK\r\nA: b\rc\r\n\r\n")]
        public void RejectsMalformedHeaders(string response)
        {
            ExpectError(HttpError.MalformedHeader, response, new HttpSettings());
        }

        [TestMethod]
        public void RejectsANulByteInAHeader()
        {
            // Built as bytes: a nanoFramework string cannot hold U+0000.
            byte[] response = Utf8.GetBytes("HTTP/1.1 200 OK\r\nA: b?c\r\n\r\n");
            response[21] = 0;
            ExpectError(HttpError.MalformedHeader, response, new HttpSettings());
        }

        [TestMethod]
        public void RefusesALineLongerThanTheLineLimit()
        {
            HttpSettings settings = new HttpSettings();
            settings.MaxHeaderLineBytes = 64;
            ExpectError(HttpError.HeaderTooBig, "HTTP/1.1 200 OK\r\nX: " + new string('a', 100) + "\r\n\r\n", settings);
        }

        [TestMethod]
        public void RefusesAHeadOverTheByteLimitEvenWithShortLines()
        {
            HttpSettings settings = new HttpSettings();
            settings.MaxHeaderBytes = 200;
            string headers = string.Empty;
            for (int i = 0; i < 20; i++)
            {
                headers += "X-" + i + ": 12345\r\n";
            }

            ExpectError(HttpError.HeaderTooBig, "HTTP/1.1 200 OK\r\n" + headers + "\r\n", settings);
        }

        [TestMethod]
        public void RefusesAHeadWhoseBudgetIsSpentBeforeItsEmptyLine()
        {
            // The status line (17 bytes) and "A: 1" (6) spend a 23-byte budget exactly: the empty line is one too many.
            HttpSettings settings = new HttpSettings();
            settings.MaxHeaderBytes = 23;
            ExpectError(HttpError.HeaderTooBig, "HTTP/1.1 200 OK\r\nA: 1\r\n\r\n", settings);
            settings.MaxHeaderBytes = 25;
            Assert.AreEqual("1", ParseWith("HTTP/1.1 200 OK\r\nA: 1\r\n\r\n", settings, 1, 0).Headers.Get("A"));
        }

        [TestMethod]
        public void RefusesTooManyHeaders()
        {
            HttpSettings settings = new HttpSettings();
            settings.MaxHeaderCount = 3;
            ExpectError(HttpError.HeaderTooBig, "HTTP/1.1 200 OK\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", settings);
        }

        [TestMethod]
        public void RefusesAnEndlessLineWithoutANewline()
        {
            HttpSettings settings = new HttpSettings();
            settings.MaxHeaderLineBytes = 128;
            ExpectError(HttpError.HeaderTooBig, "HTTP/1.1 200 OK" + new string('x', 1000), settings);
        }

        [TestMethod]
        public void RefusesAnAnnouncedBodyOverTheLimitBeforeReadingIt()
        {
            HttpSettings settings = new HttpSettings();
            settings.MaxBodyBytes = 100;
            ExpectError(HttpError.BodyTooBig, "HTTP/1.1 200 OK\r\nContent-Length: 101\r\n\r\n", settings);
            ExpectError(HttpError.BodyTooBig, "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999\r\n\r\n", settings);
        }

        [TestMethod]
        public void RefusesChunksThatAddUpOverTheLimit()
        {
            HttpSettings settings = new HttpSettings();
            settings.MaxBodyBytes = 10;
            ExpectError(HttpError.BodyTooBig, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nabcdef\r\n0\r\n\r\n", settings);
            ExpectError(HttpError.BodyTooBig, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFFFFFF\r\n", settings);
        }

        [TestMethod]
        public void RefusesAnUntilCloseBodyOverTheLimitButTakesOneThatFitsExactly()
        {
            HttpSettings settings = new HttpSettings();
            settings.MaxBodyBytes = 10;
            ExpectError(HttpError.BodyTooBig, "HTTP/1.1 200 OK\r\n\r\n01234567890", settings);
            Assert.AreEqual("0123456789", Utf8.Decode(ParseWith("HTTP/1.1 200 OK\r\n\r\n0123456789", settings, 0, 0).Body));
        }

        [TestMethod]
        [DataRow("zz\r\nab\r\n0\r\n\r\n")]
        [DataRow("\r\nab\r\n0\r\n\r\n")]
        [DataRow("-2\r\nab\r\n0\r\n\r\n")]
        [DataRow("0x2\r\nab\r\n0\r\n\r\n")]
        [DataRow("2\r\nabc\r\n0\r\n\r\n")]
        [DataRow("2\r\nabXY0\r\n\r\n")]
        public void RejectsBadChunkSizes(string chunked)
        {
            ExpectError(HttpError.BadChunkSize, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked, new HttpSettings());
        }

        [TestMethod]
        [DataRow("abc")]
        [DataRow("-1")]
        [DataRow("+5")]
        [DataRow("5, 6")]
        [DataRow("")]
        public void RejectsBadContentLengths(string value)
        {
            ExpectError(HttpError.BadContentLength, "HTTP/1.1 200 OK\r\nContent-Length: " + value + "\r\n\r\nabcde", new HttpSettings());
        }

        [TestMethod]
        public void AcceptsRepeatedEqualContentLengths()
        {
            HttpResponse parsed = Parse("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", 0, 0);
            Assert.AreEqual("abc", Utf8.Decode(parsed.Body));
        }

        [TestMethod]
        [DataRow("HTTP/1.1 200 OK\r\nContent-Le")]
        [DataRow("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")]
        [DataRow("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")]
        [DataRow("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n")]
        [DataRow("")]
        public void ReportsAPrematureClose(string truncated)
        {
            ExpectError(HttpError.PrematureClose, truncated, new HttpSettings());
        }

        [TestMethod]
        public void TimesOutWhenTheServerGoesSilent()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.CloseWhenDrained = false;
            transport.Feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
            HttpSettings settings = new HttpSettings();
            settings.ReadTimeoutMs = 5000;
            long start = clock.MonotonicMs;
            HttpException error = Capture(transport, clock, settings);
            Assert.AreEqual(HttpError.Timeout, error.Error);
            Assert.AreEqual(5000, clock.MonotonicMs - start);
        }

        [TestMethod]
        public void TimesOutOverallWhenBytesTrickle()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + new string('a', 1000));
            transport.SplitRandomly(7, 2);
            transport.DelayPerReadMs = 100;
            HttpSettings settings = new HttpSettings();
            settings.ReadTimeoutMs = 1000;
            settings.OverallTimeoutMs = 3000;
            long start = clock.MonotonicMs;
            HttpException error = Capture(transport, clock, settings);
            Assert.AreEqual(HttpError.Timeout, error.Error);
            Assert.IsTrue(clock.MonotonicMs - start <= 3100);
            Assert.IsTrue(transport.Unread > 0);
        }

        [TestMethod]
        public void SaysTheWholeResponseWasLateWhenTheOverallTimeEndsAShortWait()
        {
            // The first read takes 700 ms; the silence after it is cut at 800 ms by the overall 1500 ms, before a
            // whole read time (1000 ms) has passed: the response as a whole was late, not one silent read.
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.CloseWhenDrained = false;
            transport.Feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
            transport.DelayPerReadMs = 700;
            HttpSettings settings = new HttpSettings();
            settings.ReadTimeoutMs = 1000;
            settings.OverallTimeoutMs = 1500;
            long start = clock.MonotonicMs;
            HttpException error = Capture(transport, clock, settings);
            Assert.AreEqual(HttpError.Timeout, error.Error);
            Assert.Contains("no complete response within 1500 ms", error.Message);
            Assert.AreEqual(1500, clock.MonotonicMs - start);
        }

        [TestMethod]
        public void GarbageNeverHangsOrEscapesAsAnotherException()
        {
            var generator = new Random(42);
            for (int round = 0; round < 200; round++)
            {
                byte[] garbage = new byte[generator.Next(300)];
                generator.NextBytes(garbage);
                if (round % 2 == 0 && garbage.Length > 20)
                {
                    byte[] prefix = Utf8.GetBytes("HTTP/1.1 200 OK\r\n");
                    Array.Copy(prefix, garbage, prefix.Length);
                }

                var clock = new ManualClock();
                var transport = new ScriptedTransport(clock);
                transport.Feed(garbage);
                transport.CloseWhenDrained = round % 3 != 0;
                transport.SplitRandomly(round, 17);
                HttpSettings settings = new HttpSettings();
                settings.MaxBodyBytes = 64;
                try
                {
                    new HttpResponseReader(new TransportReader(transport, settings.MaxHeaderLineBytes), clock, settings).ReadResponse();
                }
                catch (HttpException)
                {
                    // Every failure must be this typed error.
                }
            }
        }

        internal static HttpResponse Parse(string response, int seed, int maxChunk)
        {
            return ParseWith(response, new HttpSettings(), seed, maxChunk);
        }

        private static HttpResponse ParseWith(string response, HttpSettings settings, int seed, int maxChunk)
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed(response);
            if (maxChunk > 0)
            {
                transport.SplitRandomly(seed, maxChunk);
            }

            return new HttpResponseReader(new TransportReader(transport, settings.MaxHeaderLineBytes), clock, settings).ReadResponse();
        }

        private static void ExpectError(HttpError expected, string response, HttpSettings settings)
        {
            ExpectError(expected, Utf8.GetBytes(response), settings);
        }

        private static void ExpectError(HttpError expected, byte[] response, HttpSettings settings)
        {
            for (int seed = 0; seed <= 3; seed++)
            {
                var clock = new ManualClock();
                var transport = new ScriptedTransport(clock);
                transport.Feed(response);
                if (seed > 0)
                {
                    transport.SplitRandomly(seed, 1 + (seed * 3));
                }

                HttpException error = Capture(transport, clock, settings);
                Assert.AreEqual((int)expected, (int)error.Error, error.Message);
            }
        }

        private static HttpException Capture(ScriptedTransport transport, ManualClock clock, HttpSettings settings)
        {
            try
            {
                new HttpResponseReader(new TransportReader(transport, settings.MaxHeaderLineBytes), clock, settings).ReadResponse();
            }
            catch (HttpException e)
            {
                return e;
            }

            throw new AssertFailedException("no HttpException");
        }
    }
}
