namespace CellularIot.Tests.Cloud.Onboarding
{
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Net.Http;
    using CellularIot.Tests.Net.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;
    using TestFrameworkShared;

    [TestClass]
    public class OnboardingClientTests
    {
        private static readonly int[] ClientIdFirst = { 2, 1, 0, 3 };

        [TestMethod]
        public void AsksForCsvWithoutRangeAndReadsTheAnswerUnderAnySplit()
        {
            string body = OnboardingSamples.CsvLine(ClientIdFirst);
            for (int seed = 1; seed <= 8; seed++)
            {
                var clock = new ManualClock();
                var transport = new ScriptedTransport(clock);
                transport.Feed("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + CellularIot.Bytes.Hex.ToString(CellularIot.Bytes.Utf8.GetByteCount(body), 4) + "\r\n" + body + "\r\n0\r\n\r\n");
                transport.SplitRandomly(seed, 13);
                OnboardingResult result = new OnboardingClient(clock, new HttpSettings()).Fetch(transport);
                OnboardingResponseTests.AssertSample(result);

                string request = transport.WrittenText;
                Assert.StartsWith("GET /device-api/onboarding/mqtt/tokens HTTP/1.1\r\nHost: device.connectivity-suite.cloud\r\n", request);
                Assert.Contains("\r\nAccept: text/csv\r\n", request);
                Assert.Contains("\r\nConnection: close\r\n", request);
                Assert.DoesNotContains("Range", request);
            }
        }

        [TestMethod]
        public void AnEarlyCloseIsATransportError()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\npartial");
            OnboardingException error = Expect(transport, clock);
            Assert.AreEqual((int)OnboardingError.Transport, (int)error.Error);
        }

        [TestMethod]
        public void SilenceIsATransportError()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.CloseWhenDrained = false;
            OnboardingException error = Expect(transport, clock);
            Assert.AreEqual((int)OnboardingError.Transport, (int)error.Error);
            Assert.Contains("no data", error.Message);
        }

        [TestMethod]
        public void A404IsReportedWithItsStatusText()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 59\r\n\r\n{\"statusText\":\"SIM not found\",\"errors\":[{\"code\":\"x\"}]}     ");
            OnboardingException error = Expect(transport, clock);
            Assert.AreEqual(404, error.StatusCode);
            Assert.AreEqual("SIM not found", error.StatusText);
        }

        private static OnboardingException Expect(ScriptedTransport transport, ManualClock clock)
        {
            try
            {
                new OnboardingClient(clock, new HttpSettings()).Fetch(transport);
            }
            catch (OnboardingException e)
            {
                return e;
            }

            throw new AssertFailedException("no OnboardingException");
        }
    }
}
