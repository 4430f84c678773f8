namespace CellularIot.Tests.Net
{
    using System;
    using CellularIot.Net;
    using CellularIot.Net.Http;
    using CellularIot.Tests.Net.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>What the HTTP and transport reading parts refuse to be built or called with.</summary>
    [TestClass]
    public class HttpArgumentTests
    {
        [TestMethod]
        public void ARequestNeedsAHostAPathAMethodAConnectionAndABody()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HttpRequest(null, "/"));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HttpRequest("h", null));
            var request = new HttpRequest("h", "/");
            Assert.ThrowsException(typeof(ArgumentNullException), () => request.Method = null);
            Assert.ThrowsException(typeof(ArgumentNullException), () => request.Connection = null);
            Assert.ThrowsException(typeof(ArgumentNullException), () => request.SetBody(null, "text/plain"));
            Assert.ThrowsException(typeof(ArgumentNullException), () => request.Headers.Add(null, "v"));
            Assert.ThrowsException(typeof(ArgumentNullException), () => request.Headers.Add("X-A", null));
            Assert.AreEqual("GET", request.Method);
            Assert.AreEqual(0, request.Headers.Count);
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("topics/a")]
        public void RefusesAPathThatDoesNotStartWithASlash(string path)
        {
            ArgumentException caught = FormatFailure(new HttpRequest("h", path));
            Assert.IsNotNull(caught);
            Assert.Contains("must start with '/'", caught.Message);
            Assert.ThrowsException(typeof(ArgumentNullException), () => HttpRequestWriter.Format(null));
        }

        [TestMethod]
        public void ReportsTheFirstProblemOfARequest()
        {
            var request = new HttpRequest("bad host", "/");
            request.Accept = "\u00e9";
            request.UserAgent = "\u00e9";
            request.SetBody(new byte[1], "\u00e9");
            ArgumentException caught = FormatFailure(request);
            Assert.IsNotNull(caught);
            Assert.Contains("Host holds", caught.Message);
            Assert.AreEqual("empty header name", HttpFieldRules.NameProblem(null));
            Assert.AreEqual("X-A is empty", HttpFieldRules.ValueProblem(null, "X-A", true));
        }

        [TestMethod]
        public void ReadersAndResponsesNeedTheirParts()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            var reader = new TransportReader(transport, 16);
            var settings = new HttpSettings();
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TransportReader(null, 16));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new TransportReader(transport, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HttpResponseReader(null, clock, settings));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HttpResponseReader(reader, null, settings));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HttpResponseReader(reader, clock, null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HttpConnection(null, clock, settings));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HttpConnection(transport, clock, null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HttpResponse(1, 200, null, new HttpHeaders(), null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HttpResponse(1, 200, "OK", null, null));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => settings.ReadTimeoutMs = 0);
        }

        [TestMethod]
        public void ATransportReaderReadsOnlyInsideItsDestinationAndNothingForNoRoom()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed(new byte[] { 7 });
            var reader = new TransportReader(transport, 16);
            byte[] into = new byte[4];
            Assert.ThrowsException(typeof(ArgumentNullException), () => reader.Read(null, 0, 1, 100));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => reader.Read(into, -1, 1, 100));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => reader.Read(into, 0, -1, 100));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => reader.Read(into, 3, 2, 100));
            Assert.AreEqual(0, reader.Read(into, 4, 0, 100));
            Assert.AreEqual(1, transport.Unread);
            Assert.AreEqual(1, reader.Read(into, 0, 4, 100));
            Assert.AreEqual((byte)7, into[0]);
        }

        private static ArgumentException FormatFailure(HttpRequest request)
        {
            try
            {
                HttpRequestWriter.Format(request);
            }
            catch (ArgumentException ex)
            {
                return ex;
            }

            return null;
        }
    }
}
