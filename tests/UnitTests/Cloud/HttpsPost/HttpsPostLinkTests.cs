namespace CellularIot.Tests.Cloud.HttpsPost
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Cloud.Session;
    using CellularIot.Cloud.Token;
    using CellularIot.Support;
    using CellularIot.Tests.Cloud.Onboarding;
    using CellularIot.Tests.Cloud.Session.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>
    /// The session with <c>transport=https-post</c>: a modem without ALPN, an IoT Core endpoint and the onboarding
    /// API run inside the test over a manual clock, so each post, answer and recovery is seen one step at a time.
    /// </summary>
    [TestClass]
    public class HttpsPostLinkTests
    {
        private const string Iccid = OnboardingSamples.Iccid;
        private const int PastTheBackoffMs = 120000;

        private static readonly int[] CsvColumns = { 0, 1, 2, 3 };

        private static ManualClock clock;
        private static MemoryBlobStore blobs;
        private static SessionModem modem;
        private static RecordingCloudListener listener;
        private static RecordingLog log;
        private static CloudSession session;

        [TestMethod]
        public void PostsAsTheSeedDoesOnOneKeptConnectionAndA200Acknowledges()
        {
            PostEndpointSocket endpoint = Start();
            int first = Publish("{\"t\":1}");
            session.RunOnce(0);
            int second = Publish("{\"t\":2}");
            session.RunOnce(0);

            Assert.AreEqual(1, modem.Opened.Count, "one TLS connection carries both posts");
            Assert.IsNull(modem.OpenedAt(0).Alpn);
            Assert.AreEqual(OnboardingSamples.Endpoint, modem.OpenedAt(0).ServerName);
            string request = (string)endpoint.Requests[0];
            Assert.StartsWith("POST /topics/" + Iccid + "/telemetry?qos=1&x-amz-customauthorizer-name=1nce-jwt-authorizer&x-amz-customauthorizer-signature="
                + OnboardingSamples.EncodedSignature + "&token=" + OnboardingSamples.Jwt + " HTTP/1.1\r\nHost: " + OnboardingSamples.Endpoint + "\r\n", request);
            Assert.Contains("\r\nConnection: keep-alive\r\nusername: " + OnboardingSamples.Username + "\r\nclientId: " + Iccid + "\r\n", request);
            Assert.Contains("\r\nContent-Length: 7\r\n\r\n{\"t\":1}", request);
            Assert.AreEqual(2, listener.Delivered.Count);
            Assert.AreEqual(first, (int)listener.Delivered[0]);
            Assert.AreEqual(second, (int)listener.Delivered[1]);
            Assert.AreEqual("HTTPS POST", session.TransportName);
        }

        [TestMethod]
        public void AConnectionClosedByTheServerOrIdleTooLongIsOpenedAgainAndEachPostGoesOnce()
        {
            PostEndpointSocket first = Start();
            Publish("[1]");
            session.RunOnce(0);
            first.CloseFromPeer();
            PostEndpointSocket second = Endpoint();
            Publish("[2]");
            session.RunOnce(0);
            clock.Advance(60000);
            PostEndpointSocket third = Endpoint();
            Publish("[3]");
            session.RunOnce(0);

            Assert.AreEqual(1, first.Requests.Count);
            Assert.AreEqual(1, second.Requests.Count);
            Assert.AreEqual("[3]", third.BodyOf(0));
            Assert.IsTrue(second.ClosedLocally, "closed after sitting idle past 50 s");
            Assert.AreEqual(3, listener.Delivered.Count);
        }

        [TestMethod]
        public void A413SplitsTheBatchWhichIsAcknowledgedOnceBothHalvesAre()
        {
            PostEndpointSocket endpoint = Start();
            endpoint.Then(PostEndpointSocket.Response("413 Payload Too Large", "Payload Too Large"));
            int id = Publish("[{\"seq\":1},{\"seq\":2,\"s\":\"a,]\"},{\"seq\":3}]");
            session.RunOnce(0);
            session.RunOnce(0);
            Assert.AreEqual(0, listener.Delivered.Count, "half the batch is not the batch");
            session.RunOnce(0);

            Assert.AreEqual("[{\"seq\":1}]", endpoint.BodyOf(1));
            Assert.AreEqual("[{\"seq\":2,\"s\":\"a,]\"},{\"seq\":3}]", endpoint.BodyOf(2));
            Assert.AreEqual(1, listener.Delivered.Count);
            Assert.AreEqual(id, (int)listener.Delivered[0]);
        }

        [TestMethod]
        public void A503HoldsTheMessageForABackoffAndAnUnsplittable413SetsItAside()
        {
            PostEndpointSocket endpoint = Start();
            endpoint.Then(PostEndpointSocket.Response("503 Service Unavailable", "busy"));
            Publish("[1]");
            session.RunOnce(0);
            session.RunOnce(0);
            Assert.AreEqual(1, endpoint.Requests.Count, "not again before the backoff");
            clock.Advance(PastTheBackoffMs);
            PostEndpointSocket later = Endpoint();
            session.RunOnce(0);
            Assert.AreEqual(1, listener.Delivered.Count, "posted again, on a new connection after the idle time");

            later.Then(PostEndpointSocket.Response("413 Payload Too Large", "Payload Too Large"));
            int tooLarge = Publish("[1]");
            session.RunOnce(0);
            Assert.AreEqual(tooLarge, (int)listener.Abandoned[0]);
            Assert.AreEqual(0, session.InFlightCount);
        }

        [TestMethod]
        public void A401LeadsToOneNewLoginAndASecondToAClearErrorWhileTheMessageWaits()
        {
            PostEndpointSocket endpoint = Start();
            endpoint.Then(PostEndpointSocket.Response("401 Unauthorized", "Unauthorized"));
            Publish("[1]");
            session.RunOnce(0);
            Assert.Contains("login refused", listener.LastState);

            clock.Advance(PastTheBackoffMs);
            modem.Serve(new HttpServerSocket(clock, HttpServerSocket.Response("200 OK", "text/csv", OnboardingSamples.CsvLine(CsvColumns))));
            PostEndpointSocket again = Endpoint();
            again.Then(PostEndpointSocket.Response("403 Forbidden", "Forbidden"));
            for (int step = 0; step < 6 && again.Requests.Count == 0; step++)
            {
                session.RunOnce(0);
            }

            Assert.AreEqual(1, session.Onboardings);
            Assert.AreEqual((int)SessionState.Online, (int)session.State);
            Assert.Contains("again, with a fresh login", log.All);
            Assert.AreEqual(1, session.InFlightCount);
        }

        private static PostEndpointSocket Start()
        {
            clock = new ManualClock();
            blobs = new MemoryBlobStore();
            listener = new RecordingCloudListener();
            log = new RecordingLog();
            modem = new SessionModem(clock, Iccid, false);
            Tokens().Accept(new OnboardingResult(OnboardingSamples.Username, OnboardingSamples.Endpoint, Iccid, OnboardingSamples.RootCaUrl));
            var settings = new SessionSettings();
            settings.Transport = TransportChoice.HttpsPost;
            byte[] pem = Utf8.GetBytes("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
            session = new CloudSession(modem, settings, Tokens(), new SyncedClock(clock), log, new Random(7), pem, new string[] { "commands/#" }, listener);
            PostEndpointSocket endpoint = Endpoint();
            for (int step = 0; step < 6 && !session.IsOnline; step++)
            {
                session.RunOnce(0);
            }

            Assert.IsTrue(session.IsOnline, "the session stopped at: " + listener.LastState);
            return endpoint;
        }

        private static PostEndpointSocket Endpoint()
        {
            var endpoint = new PostEndpointSocket(clock);
            modem.Serve(endpoint);
            return endpoint;
        }

        private static TokenLifecycle Tokens()
        {
            return new TokenLifecycle(new TokenStore(blobs), clock, new TokenSettings(), log);
        }

        private static int Publish(string payload)
        {
            byte[] bytes = Utf8.GetBytes(payload);
            return session.Publish(session.Topic("telemetry"), bytes, 0, bytes.Length, 1);
        }
    }
}
