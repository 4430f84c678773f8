namespace CellularIot.Tests.Cloud.HttpsPost
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Cloud;
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Cloud.Session;
    using CellularIot.Tests.Cloud.Onboarding;
    using CellularIot.Tests.Cloud.Session.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>The POST link's answers to the less common replies and to connections that end under a post.</summary>
    public partial class HttpsPostLinkTests
    {
        [TestMethod]
        public void AKeptConnectionDroppedUnderAPostIsReplacedAndThePostSentOnce()
        {
            Begin(OnboardingSamples.Username);
            var dropping = new DroppingEndpointSocket(clock);
            modem.Serve(dropping);
            PostEndpointSocket replacement = Endpoint();
            GoOnline();
            int id = Publish("[1]");
            session.RunOnce(0);

            Assert.AreEqual(1, dropping.Requests);
            Assert.AreEqual("[1]", replacement.BodyOf(0));
            Assert.AreEqual(1, listener.Delivered.Count);
            Assert.AreEqual(id, (int)listener.Delivered[0]);
            Assert.AreEqual(0, session.ConnectionsLost);
            Assert.Contains("posting again on a new one", log.All);
        }

        [TestMethod]
        public void AnHttp10AnswerEndsTheConnectionAndANewOneDroppedUnderThePostKeepsTheMessage()
        {
            PostEndpointSocket endpoint = Start();
            endpoint.Then("HTTP/1.0 200 OK\r\ncontent-length: 2\r\n\r\n{}");
            Publish("[1]");
            session.RunOnce(0);
            Assert.IsTrue(endpoint.ClosedLocally);

            var dropping = new DroppingEndpointSocket(clock);
            modem.Serve(dropping);
            int second = Publish("[2]");
            session.RunOnce(0);
            Assert.AreEqual(1, dropping.Requests);
            Assert.AreEqual(1, session.ConnectionsLost);
            Assert.AreEqual(1, session.InFlightCount);

            clock.Advance(PastTheBackoffMs);
            PostEndpointSocket again = Endpoint();
            for (int step = 0; step < 6 && listener.Delivered.Count < 2; step++)
            {
                session.RunOnce(0);
            }

            Assert.AreEqual("[2]", again.BodyOf(0));
            Assert.AreEqual(second, (int)listener.Delivered[1]);
        }

        [TestMethod]
        public void AGarbledAnswerOnAKeptConnectionIsALostConnectionNotASecondPost()
        {
            PostEndpointSocket endpoint = Start();
            endpoint.Then("HTTP/1.1 two hundred\r\n\r\n");
            Publish("[1]");
            session.RunOnce(0);

            Assert.AreEqual(1, modem.Opened.Count);
            Assert.AreEqual(1, session.ConnectionsLost);
            Assert.AreEqual(1, session.InFlightCount);
            Assert.AreEqual(0, listener.Delivered.Count);
        }

        [TestMethod]
        public void A429HoldsTheMessageAndA400SetsItAside()
        {
            PostEndpointSocket endpoint = Start();
            endpoint.Then(PostEndpointSocket.Response("429 Too Many Requests", "slow down"));
            int id = Publish("[1]");
            session.RunOnce(0);
            session.RunOnce(0);
            Assert.AreEqual(1, endpoint.Requests.Count, "not again before the backoff");
            Assert.Contains("; next post in", log.All);

            clock.Advance(PastTheBackoffMs);
            PostEndpointSocket later = Endpoint();
            later.Then(PostEndpointSocket.Response("400 Bad Request", "bad"));
            session.RunOnce(0);
            Assert.AreEqual(1, later.Requests.Count);
            Assert.AreEqual(1, listener.Abandoned.Count);
            Assert.AreEqual(id, (int)listener.Abandoned[0]);
            Assert.AreEqual(0, session.InFlightCount);
            Assert.AreEqual(0, listener.Delivered.Count);
        }

        [TestMethod]
        public void QoS0MessagesAreNeitherAcknowledgedNorReportedAbandoned()
        {
            PostEndpointSocket endpoint = Start();
            endpoint.Then(PostEndpointSocket.Response("400 Bad Request", "bad"));
            byte[] bytes = Utf8.GetBytes("[0]");
            Assert.AreEqual(0, session.Publish(session.Topic("telemetry"), bytes, 0, bytes.Length, 0));
            Assert.AreEqual(0, session.Publish(session.Topic("telemetry"), bytes, 0, bytes.Length, 0));
            int id = Publish("[1]");
            session.RunOnce(0);
            session.RunOnce(0);
            session.RunOnce(0);

            Assert.AreEqual(3, endpoint.Requests.Count);
            Assert.Contains("?qos=0&", (string)endpoint.Requests[0]);
            Assert.AreEqual(0, listener.Abandoned.Count);
            Assert.AreEqual(1, listener.Delivered.Count);
            Assert.AreEqual(id, (int)listener.Delivered[0]);
        }

        [TestMethod]
        public void EachMessageIsAcknowledgedWhileOthersWait()
        {
            PostEndpointSocket endpoint = Start();
            int first = Publish("[1]");
            int second = Publish("[2]");
            Assert.AreNotEqual(first, second);
            session.RunOnce(0);
            Assert.AreEqual(1, listener.Delivered.Count);
            Assert.AreEqual(first, (int)listener.Delivered[0]);
            session.RunOnce(0);
            Assert.AreEqual(second, (int)listener.Delivered[1]);
            Assert.AreEqual(2, endpoint.Requests.Count);
        }

        [TestMethod]
        public void ABatchWhoseFirstHalfIsRefusedIsSetAsideWholeAndTheNextMessageGoes()
        {
            PostEndpointSocket endpoint = Start();
            endpoint.Then(PostEndpointSocket.Response("413 Payload Too Large", "Payload Too Large"));
            endpoint.Then(PostEndpointSocket.Response("400 Bad Request", "bad"));
            int batch = Publish("[{\"seq\":1},{\"seq\":2}]");
            int next = Publish("[3]");
            session.RunOnce(0);
            session.RunOnce(0);
            Assert.AreEqual(1, listener.Abandoned.Count);
            Assert.AreEqual(batch, (int)listener.Abandoned[0]);
            Assert.AreEqual(1, session.InFlightCount, "the batch's second half went with its first");

            session.RunOnce(0);
            Assert.AreEqual("[3]", endpoint.BodyOf(2));
            Assert.AreEqual(next, (int)listener.Delivered[0]);
            Assert.AreEqual(1, listener.Delivered.Count);
        }

        [TestMethod]
        public void AnHttp11AnswerWithoutAConnectionHeaderKeepsTheConnection()
        {
            PostEndpointSocket endpoint = Start();
            endpoint.Then("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}");
            Publish("[1]");
            session.RunOnce(0);
            Publish("[2]");
            session.RunOnce(0);

            Assert.IsFalse(endpoint.ClosedLocally);
            Assert.AreEqual(2, endpoint.Requests.Count);
            Assert.AreEqual(1, modem.Opened.Count);
            Assert.AreEqual(2, listener.Delivered.Count);
        }

        [TestMethod]
        public void A413SplitsOnlyAtTheArraysOwnCommasAndIgnoresTrailingSpace()
        {
            PostEndpointSocket endpoint = Start();
            endpoint.Then(PostEndpointSocket.Response("413 Payload Too Large", "Payload Too Large"));
            int id = Publish("[\"a\\\",]\",2]\n\r\t ");
            session.RunOnce(0);
            session.RunOnce(0);
            session.RunOnce(0);

            Assert.AreEqual("[\"a\\\",]\"]", endpoint.BodyOf(1));
            Assert.AreEqual("[2]", endpoint.BodyOf(2));
            Assert.AreEqual(id, (int)listener.Delivered[0]);
        }

        [TestMethod]
        public void A413ForABodyThatIsNoArraySetsItAside()
        {
            PostEndpointSocket endpoint = Start();
            for (int i = 0; i < 4; i++)
            {
                endpoint.Then(PostEndpointSocket.Response("413 Payload Too Large", "Payload Too Large"));
            }

            int notArray = Publish("{\"a\":1,\"b\":2}");
            int unclosed = Publish("[1,2");
            int bracket = Publish("[");
            int blank = Publish(" \n");
            for (int i = 0; i < 4; i++)
            {
                session.RunOnce(0);
            }

            Assert.AreEqual(4, endpoint.Requests.Count);
            Assert.AreEqual(4, listener.Abandoned.Count);
            Assert.AreEqual(notArray, (int)listener.Abandoned[0]);
            Assert.AreEqual(unclosed, (int)listener.Abandoned[1]);
            Assert.AreEqual(bracket, (int)listener.Abandoned[2]);
            Assert.AreEqual(blank, (int)listener.Abandoned[3]);
        }

        [TestMethod]
        public void RefusesQoS2AndANinthWaitingMessage()
        {
            Start();
            byte[] bytes = Utf8.GetBytes("[1]");
            Assert.ThrowsException(typeof(CloudLinkException), () => session.Publish(session.Topic("telemetry"), bytes, 0, bytes.Length, 2));
            for (int i = 0; i < 8; i++)
            {
                Publish("[1]");
            }

            Assert.ThrowsException(typeof(CloudLinkException), () => Publish("[9]"));
            Assert.AreEqual(8, session.InFlightCount);
        }

        [TestMethod]
        public void HasNoTopicBeforeItHasALogin()
        {
            Begin(OnboardingSamples.Username);
            Assert.ThrowsException(typeof(InvalidOperationException), () => session.Topic("telemetry"));
        }

        [TestMethod]
        public void AUserNameThatCannotBeAHeaderLeadsToANewOnboarding()
        {
            Begin(OnboardingSamples.Username + " ");
            modem.Serve(new HttpServerSocket(clock, HttpServerSocket.Response("200 OK", "text/csv", OnboardingSamples.CsvLine(CsvColumns))));
            Endpoint();
            GoOnline();

            Assert.Contains("the user name cannot be sent as a header", log.All);
            Assert.AreEqual(1, session.Onboardings);
        }
    }
}
