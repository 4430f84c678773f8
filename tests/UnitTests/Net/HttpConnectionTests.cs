namespace CellularIot.Tests.Net
{
    using CellularIot.Bytes;
    using CellularIot.Net.Http;
    using CellularIot.Tests.Net.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;
    using TestFrameworkShared;

    [TestClass]
    public class HttpConnectionTests
    {
        [TestMethod]
        public void SendsTheRequestAndReadsTheResponse()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            HttpResponse response = new HttpConnection(transport, clock, new HttpSettings()).Send(new HttpRequest("h.example", "/x"));
            Assert.AreEqual("ok", Utf8.Decode(response.Body));
            Assert.StartsWith("GET /x HTTP/1.1\r\nHost: h.example\r\n", transport.WrittenText);
            Assert.DoesNotContains("Range", transport.WrittenText);
        }

        [TestMethod]
        public void SendsTheBodyRightAfterTheHead()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
            HttpRequest request = new HttpRequest("h.example", "/topics/t");
            request.Method = "POST";
            request.SetBody(Utf8.GetBytes("{\"a\":1}"), "application/json");
            Assert.AreEqual(200, new HttpConnection(transport, clock, new HttpSettings()).Send(request).StatusCode);
            Assert.EndsWith("Content-Length: 7\r\n\r\n{\"a\":1}", transport.WrittenText);
        }

        [TestMethod]
        public void KeepsTheConnectionForASecondRequest()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Feed("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n");
            var connection = new HttpConnection(transport, clock, new HttpSettings());
            HttpRequest request = new HttpRequest("h.example", "/");
            request.Connection = HttpRequest.ConnectionKeepAlive;
            Assert.AreEqual("a", Utf8.Decode(connection.Send(request).Body));
            Assert.AreEqual("b", Utf8.Decode(connection.Send(request).Body));
        }

        [TestMethod]
        public void AClosedTransportIsAPrematureClose()
        {
            var clock = new ManualClock();
            var transport = new ScriptedTransport(clock);
            transport.Close();
            var connection = new HttpConnection(transport, clock, new HttpSettings());
            try
            {
                connection.Send(new HttpRequest("h.example", "/"));
            }
            catch (HttpException e)
            {
                Assert.AreEqual((int)HttpError.PrematureClose, (int)e.Error);
                return;
            }

            throw new AssertFailedException("no HttpException");
        }
    }
}
