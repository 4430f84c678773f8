namespace CellularIot.Tests.Net
{
    using CellularIot.Net.Http;
    using CellularIot.Net.WebSockets;
    using CellularIot.Tests.Net.Support;
    using nanoFramework.TestFramework;
    using TestFrameworkShared;

    [TestClass]
    public class WebSocketHandshakeTests
    {
        internal const string RfcKey = "dGhlIHNhbXBsZSBub25jZQ==";
        internal const string RfcAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

        [TestMethod]
        public void ComputesTheAcceptOfRfc6455sExample()
        {
            Assert.AreEqual(RfcAccept, WebSocketHandshake.ComputeAccept(RfcKey));
        }

        [TestMethod]
        public void TheKeyIsSixteenRandomBytesInBase64()
        {
            Assert.AreEqual(RfcKey, WebSocketHandshake.CreateKey(new FixedRandom(WebSocketTransportTests.SampleNonce())));
        }

        [TestMethod]
        public void AcceptsACorrectAnswer()
        {
            WebSocketHandshake.Verify(Head(RfcAccept, "mqtt", null), RfcKey, "mqtt");
            WebSocketHandshake.Verify(Head(RfcAccept, null, null), RfcKey, "mqtt");
        }

        [TestMethod]
        public void RefusesWrongAnswers()
        {
            ExpectRefusal(Head("AAAAAAAAAAAAAAAAAAAAAAAAAAA=", "mqtt", null), 0);
            ExpectRefusal(Head(RfcAccept, "wamp", null), 0);
            ExpectRefusal(Head(RfcAccept, "mqtt", "permessage-deflate"), 0);

            HttpHeaders noUpgrade = new HttpHeaders();
            noUpgrade.Add("Connection", "Upgrade");
            noUpgrade.Add("Sec-WebSocket-Accept", RfcAccept);
            ExpectRefusal(new HttpResponse(1, 101, "Switching Protocols", noUpgrade, null), 0);

            HttpHeaders noConnection = new HttpHeaders();
            noConnection.Add("Upgrade", "websocket");
            noConnection.Add("Sec-WebSocket-Accept", RfcAccept);
            ExpectRefusal(new HttpResponse(1, 101, "Switching Protocols", noConnection, null), 0);
        }

        [TestMethod]
        public void ARefusalCarriesItsHttpStatus()
        {
            ExpectRefusal(new HttpResponse(1, 403, "Forbidden", new HttpHeaders(), null), 403);
            ExpectRefusal(new HttpResponse(1, 200, "OK", new HttpHeaders(), null), 200);
        }

        private static HttpResponse Head(string accept, string protocol, string extensions)
        {
            HttpHeaders headers = new HttpHeaders();
            headers.Add("Upgrade", "WebSocket");
            headers.Add("Connection", "keep-alive, Upgrade");
            headers.Add("Sec-WebSocket-Accept", accept);
            if (protocol != null)
            {
                headers.Add("Sec-WebSocket-Protocol", protocol);
            }

            if (extensions != null)
            {
                headers.Add("Sec-WebSocket-Extensions", extensions);
            }

            return new HttpResponse(1, 101, "Switching Protocols", headers, null);
        }

        private static void ExpectRefusal(HttpResponse head, int status)
        {
            try
            {
                WebSocketHandshake.Verify(head, RfcKey, "mqtt");
            }
            catch (WebSocketException e)
            {
                Assert.AreEqual(status, e.HandshakeStatus);
                return;
            }

            throw new AssertFailedException("no WebSocketException");
        }
    }
}
