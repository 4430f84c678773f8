namespace CellularIot.Tests.Net
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Net.Http;
    using nanoFramework.TestFramework;

    [TestClass]
    public class HttpRequestWriterTests
    {
        [TestMethod]
        public void WritesAGetWithTheStandardHeaders()
        {
            HttpRequest request = new HttpRequest("device.connectivity-suite.cloud", "/device-api/onboarding/mqtt/tokens");
            request.Accept = "text/csv";
            request.UserAgent = "CellularIot/1.0";
            string text = Utf8.Decode(HttpRequestWriter.Format(request));
            Assert.AreEqual(
                "GET /device-api/onboarding/mqtt/tokens HTTP/1.1\r\nHost: device.connectivity-suite.cloud\r\nAccept: text/csv\r\n"
                + "User-Agent: CellularIot/1.0\r\nConnection: close\r\n\r\n",
                text);
        }

        [TestMethod]
        public void WritesKeepAliveAndExtraHeadersInOrder()
        {
            HttpRequest request = new HttpRequest("example.com:8080", "/a?b=c");
            request.Connection = HttpRequest.ConnectionKeepAlive;
            request.Headers.Add("X-One", "1");
            request.Headers.Add("X-Two", "two words");
            string text = Utf8.Decode(HttpRequestWriter.Format(request));
            Assert.AreEqual("GET /a?b=c HTTP/1.1\r\nHost: example.com:8080\r\nConnection: keep-alive\r\nX-One: 1\r\nX-Two: two words\r\n\r\n", text);
        }

        [TestMethod]
        [DataRow("Range")]
        [DataRow("range")]
        [DataRow("Host")]
        [DataRow("Content-Length")]
        [DataRow("Content-Type")]
        [DataRow("Bad Name")]
        [DataRow("Bad:Name")]
        [DataRow("")]
        public void RefusesReservedOrInvalidHeaderNames(string name)
        {
            HttpRequest request = new HttpRequest("example.com", "/");
            request.Headers.Add(name, "bytes=0-10");
            Assert.ThrowsException(typeof(ArgumentException), () => HttpRequestWriter.Format(request));
        }

        [TestMethod]
        [DataRow("a\r\nInjected: yes")]
        [DataRow("a\nb")]
        [DataRow("caf\u00E9")]
        [DataRow("")]
        public void RefusesValuesThatCouldInjectOrAreNotAscii(string value)
        {
            HttpRequest request = new HttpRequest("example.com", "/");
            request.Headers.Add("X-Value", value);
            Assert.ThrowsException(typeof(ArgumentException), () => HttpRequestWriter.Format(request));
        }

        [TestMethod]
        [DataRow("example.com", "relative")]
        [DataRow("example.com", "/with space")]
        [DataRow("exa mple.com", "/")]
        [DataRow("", "/")]
        [DataRow("example.com\r\n", "/")]
        public void RefusesBadHostsAndPaths(string host, string path)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => HttpRequestWriter.Format(new HttpRequest(host, path)));
        }

        [TestMethod]
        public void WritesAPostWithTheLengthAndTypeOfItsBody()
        {
            HttpRequest request = new HttpRequest("a1-ats.iot.eu-west-1.amazonaws.com", "/topics/898822/telemetry?qos=1");
            request.Method = "POST";
            request.Connection = HttpRequest.ConnectionKeepAlive;
            request.SetBody(Utf8.GetBytes("[{\"seq\":1}]"), "application/json");
            string text = Utf8.Decode(HttpRequestWriter.Format(request));
            Assert.AreEqual(
                "POST /topics/898822/telemetry?qos=1 HTTP/1.1\r\nHost: a1-ats.iot.eu-west-1.amazonaws.com\r\nConnection: keep-alive\r\n"
                + "Content-Type: application/json\r\nContent-Length: 11\r\n\r\n",
                text);
        }

        [TestMethod]
        public void AnEmptyBodyIsAnnouncedAsZeroBytes()
        {
            HttpRequest request = new HttpRequest("h.example", "/");
            request.Method = "POST";
            request.SetBody(new byte[0], null);
            Assert.EndsWith("Connection: close\r\nContent-Length: 0\r\n\r\n", Utf8.Decode(HttpRequestWriter.Format(request)));
        }

        [TestMethod]
        [DataRow("post")]
        [DataRow("GE T")]
        [DataRow("")]
        public void RefusesAMethodThatIsNotAnUpperCaseToken(string method)
        {
            HttpRequest request = new HttpRequest("h.example", "/");
            request.Method = method;
            Assert.ThrowsException(typeof(ArgumentException), () => HttpRequestWriter.Format(request));
        }
    }
}
