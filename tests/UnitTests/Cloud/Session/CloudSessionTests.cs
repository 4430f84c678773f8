namespace CellularIot.Tests.Cloud.Session
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Cloud.Session;
    using CellularIot.Cloud.Token;
    using CellularIot.Cloud.Topics;
    using CellularIot.Support;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using CellularIot.Tests.Cloud.Onboarding;
    using CellularIot.Tests.Cloud.Session.Support;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>
    /// The cloud session's state machine on its own: a modem that comes up at once, servers run inside the test
    /// (an MQTT broker, the onboarding API, an endpoint refusing a WebSocket upgrade) and a manual clock, so each
    /// step of bring-up, login, connection and recovery is seen one <see cref="CloudSession.RunOnce"/> at a time.
    /// </summary>
    [TestClass]
    public class CloudSessionTests
    {
        private const string Iccid = OnboardingSamples.Iccid;

        // Longer than any first reconnect delay (5 s and 25 % jitter) and any onboarding retry delay.
        private const int PastTheBackoffMs = 120000;

        private static readonly string[] CommandFilters = { "commands/#" };
        private static readonly string[] FilterBreakingTheRules = { "commands/#/more" };
        private static readonly int[] CsvColumns = { 0, 1, 2, 3 };

        // The launcher calls tests with no instance: each test builds its own rig through Start().
        private static ManualClock clock;
        private static MemoryBlobStore blobs;
        private static SessionModem modem;
        private static RecordingCloudListener listener;
        private static RecordingLog log;
        private static CloudSession session;

        [TestMethod]
        public void AStoredLoginComesOnlineWithoutOnboardingOverTlsWithAlpnAndSubscribesToCommands()
        {
            Start(true, true);
            BrokerSocket broker = Broker(0);
            RunUntil(SessionState.Online);

            Assert.AreEqual(1, modem.Opened.Count, "no socket to the onboarding API");
            Assert.AreEqual(OnboardingSamples.Endpoint, modem.OpenedAt(0).Host);
            Assert.AreEqual(OnboardingSamples.Endpoint, modem.OpenedAt(0).ServerName);
            Assert.AreEqual("mqtt", modem.OpenedAt(0).Alpn);
            Assert.AreEqual(443, modem.OpenedAt(0).Port);
            Assert.AreEqual(RootCaCheck.ShippedFileName, modem.CaFileName);
            Assert.AreEqual(0, session.Onboardings);
            Assert.AreEqual(1, session.Connections);
            Assert.AreEqual(Iccid, session.Iccid);
            Assert.AreEqual("MQTT over TLS (ALPN mqtt)", session.TransportName);
            Assert.Contains(Iccid, broker.SentText);
            Assert.AreEqual(1, broker.Filters.Count);
            Assert.AreEqual(Iccid + "/commands/#", (string)broker.Filters[0]);
            Assert.StartsWith("Online: connected to " + OnboardingSamples.Endpoint, listener.LastState);
        }

        [TestMethod]
        public void WithoutALoginTheSessionOnboardsKeepsTheLoginAndConnectsWithIt()
        {
            Start(true, false);
            HttpServerSocket api = OnboardingApi();
            Broker(0);
            RunUntil(SessionState.Online);

            Assert.AreEqual(2, modem.Opened.Count);
            Assert.AreEqual(OnboardingClient.Host, modem.OpenedAt(0).Host);
            Assert.IsNull(modem.OpenedAt(0).Alpn, "onboarding is HTTP/1.1, not MQTT");
            Assert.StartsWith("GET /device-api/onboarding/mqtt/tokens HTTP/1.1\r\n", api.SentText);
            Assert.Contains("Accept: text/csv\r\n", api.SentText);
            Assert.AreEqual(OnboardingSamples.Endpoint, modem.OpenedAt(1).Host);
            Assert.AreEqual(1, session.Onboardings);

            var afterReboot = new TokenLifecycle(new TokenStore(blobs), clock, new TokenSettings(), new RecordingLog());
            Assert.IsTrue(afterReboot.RestoreFromStore(), "the login was stored");
            Assert.AreEqual(OnboardingSamples.Username, afterReboot.Current.Credentials.Username);
            Assert.DoesNotContains(OnboardingSamples.Jwt, log.All);
        }

        [TestMethod]
        public void APublishIsReportedDeliveredWithTheIdItWasGiven()
        {
            Start(true, true);
            BrokerSocket broker = Broker(0);
            RunUntil(SessionState.Online);

            int id = Publish(session.Topic("telemetry"), 1);
            Assert.AreNotEqual(0, id);
            Assert.AreEqual(0, listener.Delivered.Count, "nothing is delivered before the broker says so");
            RunSteps(3);
            Assert.AreEqual(Iccid + "/telemetry", (string)broker.PublishedTopics[0]);
            Assert.AreEqual(1, listener.Delivered.Count);
            Assert.AreEqual(id, (int)listener.Delivered[0]);
            Assert.AreEqual(0, session.InFlightCount);
        }

        [TestMethod]
        public void AFullWindowTakesNoQos1MessageUntilAnAcknowledgementFreesASlot()
        {
            Start(true, true);
            Broker(0);
            RunUntil(SessionState.Online);
            int capacity = session.DeliverySlotsFree;
            Assert.IsTrue(capacity > 0);

            for (int i = 0; i < capacity; i++)
            {
                Assert.IsTrue(session.CanPublish(1));
                Publish(session.Topic("telemetry"), 1);
            }

            Assert.AreEqual(0, session.DeliverySlotsFree);
            Assert.IsFalse(session.CanPublish(1));
            Assert.IsTrue(session.CanPublish(0), "QoS 0 needs no slot");

            RunSteps(3);
            Assert.AreEqual(capacity, session.DeliverySlotsFree);
            Assert.IsTrue(session.CanPublish(1));
        }

        [TestMethod]
        public void APublishOutsideTheSimsTopicsIsRefusedAndNothingIsSent()
        {
            Start(true, true);
            BrokerSocket broker = Broker(0);
            RunUntil(SessionState.Online);

            Assert.ThrowsException(typeof(TopicRuleException), () => Publish("8988228066600000000/telemetry", 1));
            session.RunOnce(0);
            Assert.AreEqual(0, broker.PublishedTopics.Count);
        }

        [TestMethod]
        public void APublishWhileNotOnlineIsRefusedAsNotConnected()
        {
            Start(true, true);
            try
            {
                Publish(Iccid + "/telemetry", 1);
                Assert.IsTrue(false, "a publish before the session is online must fail");
            }
            catch (CellularIot.Cloud.CloudLinkException ex)
            {
                Assert.IsTrue(ex.NotConnected);
            }
        }

        [TestMethod]
        public void ACommandFromTheBrokerReachesTheListenerAndIsAcknowledged()
        {
            Start(true, true);
            BrokerSocket broker = Broker(0);
            RunUntil(SessionState.Online);

            broker.Answer(BrokerPackets.Publish(Iccid + "/commands/ping", "{}", 1, 7, false));
            RunSteps(3);
            Assert.AreEqual(1, listener.Messages.Count);
            Assert.AreEqual(Iccid + "/commands/ping {}", (string)listener.Messages[0]);
            Assert.AreEqual(1, broker.PubacksReceived.Count);
            Assert.AreEqual(7, (int)broker.PubacksReceived[0]);
        }

        [TestMethod]
        public void TheBrokerIsAskedToKeepTheSessionAndAKeptSessionIsNotSubscribedAgain()
        {
            Start(true, true);
            BrokerSocket first = Broker(0);
            RunUntil(SessionState.Online);
            Assert.IsFalse(first.CleanSession, "clean session off by default");
            Assert.AreEqual(1, first.Filters.Count, "a new session is subscribed");
            RunSteps(3);

            BrokerSocket second = ReconnectToAKeptSession(first, BrokerPackets.Publish(Iccid + "/commands/ping", "{}", 1, 9, false));

            Assert.AreEqual(0, second.Filters.Count, "the kept session still holds the subscription");
            Assert.AreEqual(1, listener.Messages.Count, "the command queued while away arrives");
            Assert.AreEqual(9, (int)second.PubacksReceived[0]);
        }

        [TestMethod]
        public void AKeptSessionWhoseSubscribeWentUnansweredIsSubscribedAgain()
        {
            Start(true, true);
            BrokerSocket first = Broker(0);
            first.AnswerSubscribes = false;
            RunUntil(SessionState.Online);

            // The SUBSCRIBE went out with CONNECT and is not waited for, but its SUBACK must come in time (10 s).
            clock.Advance(11000);
            RunUntil(SessionState.Waiting);
            Assert.Contains("SUBACK", listener.LastState);

            BrokerSocket second = Broker(0);
            second.SessionPresent = true;
            clock.Advance(PastTheBackoffMs);
            RunUntil(SessionState.Online);
            Assert.AreEqual(1, second.Filters.Count);
        }

        [TestMethod]
        public void ACommandRedeliveredAfterAReconnectIsAcknowledgedButHandledOnce()
        {
            Start(true, true);
            BrokerSocket first = Broker(0);
            RunUntil(SessionState.Online);
            first.Answer(BrokerPackets.Publish(Iccid + "/commands/ping", "{\"n\":1}", 1, 7, false));
            session.RunOnce(0);

            // The PUBACK was lost with the connection: the broker sends the command again, with DUP, on the next one.
            BrokerSocket second = ReconnectToAKeptSession(first, BrokerPackets.Publish(Iccid + "/commands/ping", "{\"n\":1}", 1, 7, true));

            Assert.AreEqual(1, listener.Messages.Count);
            Assert.AreEqual(7, (int)second.PubacksReceived[0]);
        }

        [TestMethod]
        public void CleanSessionSetStartsEveryConnectionAfresh()
        {
            Start(true, true);
            var settings = new SessionSettings();
            settings.CleanSession = true;
            session = new CloudSession(modem, settings, Tokens(), new SyncedClock(clock), log, new Random(7), Pem(), CommandFilters, listener);
            BrokerSocket broker = Broker(0);
            RunUntil(SessionState.Online);
            Assert.IsTrue(broker.CleanSession);
        }

        [TestMethod]
        public void ALostConnectionIsMadeAgainAfterABackoffAndTheUnacknowledgedMessageGoesOutAgain()
        {
            Start(true, true);
            BrokerSocket first = Broker(0);
            first.AcknowledgePublishes = false;
            RunUntil(SessionState.Online);
            int id = Publish(session.Topic("telemetry"), 1);
            session.RunOnce(0);
            Assert.AreEqual(1, first.PublishedTopics.Count);

            first.CloseFromPeer();
            session.RunOnce(0);
            Assert.AreEqual(SessionState.Waiting, session.State);
            Assert.AreEqual(1, session.ConnectionsLost);
            Assert.Contains("connection lost", listener.LastState);

            BrokerSocket second = Broker(0);
            session.RunOnce(0);
            Assert.AreEqual(SessionState.Waiting, session.State, "not before the backoff has passed");
            clock.Advance(PastTheBackoffMs);
            RunUntil(SessionState.Online);
            Assert.AreEqual(2, session.Connections);
            Assert.AreEqual(0, session.Onboardings, "a lost connection needs no new login");
            Assert.AreEqual(1, second.PublishedTopics.Count);
            Assert.IsTrue((bool)second.PublishedDup[0], "sent again with DUP");
            session.RunOnce(0);
            Assert.AreEqual(id, (int)listener.Delivered[0]);
        }

        [TestMethod]
        public void ALoginTheBrokerRefusesLeadsToOnboardingAgain()
        {
            Start(true, true);
            BrokerSocket refusing = Broker(5);
            RunUntil(SessionState.Waiting);
            Assert.Contains("login refused", listener.LastState);
            Assert.IsTrue(refusing.ClosedLocally);

            clock.Advance(PastTheBackoffMs);
            OnboardingApi();
            Broker(0);
            RunUntil(SessionState.Online);
            Assert.AreEqual(1, session.Onboardings);
            Assert.AreEqual(OnboardingClient.Host, modem.OpenedAt(1).Host);
        }

        [TestMethod]
        public void AModemWithoutAlpnGetsMqttOverWebSocketWithTheLoginInTheUpgradeAndA401IsARefusedLogin()
        {
            Start(false, true);
            var endpoint = new HttpServerSocket(clock, HttpServerSocket.Response("401 Unauthorized", "text/plain", "denied"));
            modem.Serve(endpoint);
            RunUntil(SessionState.Waiting);

            Assert.IsNull(modem.OpenedAt(0).Alpn, "no ALPN where the modem cannot send it");
            Assert.AreEqual(443, modem.OpenedAt(0).Port);
            Assert.StartsWith("GET /mqtt HTTP/1.1\r\n", endpoint.SentText);
            Assert.Contains("Upgrade: websocket\r\n", endpoint.SentText);
            Assert.Contains("x-amz-customauthorizer-name: 1nce-jwt-authorizer\r\n", endpoint.SentText);
            Assert.Contains("x-amz-customauthorizer-signature: " + OnboardingSamples.DecodedSignature + "\r\n", endpoint.SentText);
            Assert.Contains("WebSocket upgrade refused with 401", listener.LastState);
            Assert.AreEqual("MQTT over WebSocket", session.TransportName);
        }

        [TestMethod]
        public void AStoredLoginOfAnotherSimIsReplacedByOnboarding()
        {
            Start(true, true);
            modem = new SessionModem(clock, "8988228066699999999", true);
            session = NewSession();
            OnboardingApi();
            RunUntil(SessionState.Connecting);
            Assert.AreEqual(1, session.Onboardings);
            Assert.Contains("belongs to SIM " + Iccid, log.All);
        }

        [TestMethod]
        public void AModemRebootDropsTheConnectionAndBringsTheModemUpAgain()
        {
            Start(true, true);
            BrokerSocket first = Broker(0);
            RunUntil(SessionState.Online);

            modem.Reboot();
            session.RunOnce(0);
            Assert.IsTrue(first.ClosedLocally, "the old socket is closed");
            Assert.AreEqual(2, modem.PowerOns, "brought up again at once");
            Assert.Contains("rebooted", (string)listener.States[listener.States.Count - 2]);

            Broker(0);
            RunUntil(SessionState.Online);
            Assert.AreEqual(2, session.Connections);
            Assert.AreEqual(0, session.ModemRecoveries, "a reboot needs a bring-up, not the recovery ladder");
        }

        [TestMethod]
        public void AModemThatDoesNotComeUpIsRecoveredBeforeTheNextBringUp()
        {
            Start(true, true);
            modem.FailPowerOns = 1;
            session.RunOnce(0);
            Assert.AreEqual(SessionState.Waiting, session.State);
            Assert.Contains("modem not up", listener.LastState);
            Assert.AreEqual(0, modem.Recoveries);

            clock.Advance(PastTheBackoffMs);
            Broker(0);
            RunUntil(SessionState.Online);
            Assert.AreEqual(1, modem.Recoveries);
            Assert.AreEqual(1, session.ModemRecoveries);
        }

        [TestMethod]
        public void ASubscriptionTheTopicRulesRefuseIsRefusedWhenTheSessionIsMade()
        {
            Start(true, true);
            Assert.ThrowsException(typeof(ArgumentException), () => new CloudSession(modem, new SessionSettings(), Tokens(), new SyncedClock(clock), log, new Random(1), Pem(), FilterBreakingTheRules, listener));
        }

        private static void Start(bool modemHasAlpn, bool loginStored)
        {
            clock = new ManualClock();
            blobs = new MemoryBlobStore();
            listener = new RecordingCloudListener();
            log = new RecordingLog();
            modem = new SessionModem(clock, Iccid, modemHasAlpn);
            if (loginStored)
            {
                Tokens().Accept(Login());
            }

            session = NewSession();
        }

        private static CloudSession NewSession()
        {
            return new CloudSession(modem, new SessionSettings(), Tokens(), new SyncedClock(clock), log, new Random(7), Pem(), CommandFilters, listener);
        }

        private static TokenLifecycle Tokens()
        {
            return new TokenLifecycle(new TokenStore(blobs), clock, new TokenSettings(), log);
        }

        private static OnboardingResult Login()
        {
            return new OnboardingResult(OnboardingSamples.Username, OnboardingSamples.Endpoint, Iccid, OnboardingSamples.RootCaUrl);
        }

        private static byte[] Pem()
        {
            return Utf8.GetBytes("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        }

        private static BrokerSocket Broker(int connackCode)
        {
            var broker = new BrokerSocket(clock, connackCode);
            modem.Serve(broker);
            return broker;
        }

        // Loses the connection to first, then comes online at a broker that kept the session and sends kept at once.
        private static BrokerSocket ReconnectToAKeptSession(BrokerSocket first, byte[] kept)
        {
            first.CloseFromPeer();
            session.RunOnce(0);
            BrokerSocket second = Broker(0);
            second.SessionPresent = true;
            second.KeptForTheClient = kept;
            clock.Advance(PastTheBackoffMs);
            RunUntil(SessionState.Online);
            RunSteps(3);
            return second;
        }

        private static HttpServerSocket OnboardingApi()
        {
            var api = new HttpServerSocket(clock, HttpServerSocket.Response("200 OK", "text/csv", OnboardingSamples.CsvLine(CsvColumns)));
            modem.Serve(api);
            return api;
        }

        private static int Publish(string topic, int qos)
        {
            byte[] payload = Utf8.GetBytes("{\"t\":1}");
            return session.Publish(topic, payload, 0, payload.Length, qos);
        }

        // A few steps online: the SUBACK of the SUBSCRIBE that went out with CONNECT is read before what follows it.
        private static void RunSteps(int steps)
        {
            for (int step = 0; step < steps; step++)
            {
                session.RunOnce(0);
            }
        }

        private static void RunUntil(SessionState wanted)
        {
            for (int step = 0; step < 12 && session.State != wanted; step++)
            {
                session.RunOnce(0);
            }

            Assert.AreEqual((int)wanted, (int)session.State, "the session stopped at: " + listener.LastState);
        }
    }
}
