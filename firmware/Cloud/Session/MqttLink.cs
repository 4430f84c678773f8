namespace CellularIot.Cloud.Session
{
    using System;
    using CellularIot.Cloud.Mqtt;
    using CellularIot.Cloud.Token;
    using CellularIot.Cloud.Topics;
    using CellularIot.Net;
    using CellularIot.Net.WebSockets;
    using CellularIot.Support;

    /// <summary>
    /// The session's MQTT side: one MQTT client for the SIM (made with the first login, kept across connections so
    /// unacknowledged messages survive them), this SIM's topic rules, the subscriptions made on every connection,
    /// and the transport of the current connection (TLS with ALPN, or a WebSocket, from <see cref="TransportConnector"/>).
    /// What the client reports goes on to the device's listener.
    /// </summary>
    internal sealed class MqttLink : ISessionLink, IMqttListener
    {
        // The longest ICCID (20 digits) stands in for the SIM's, unknown until the modem is up, when the
        // subscriptions are checked at construction: a filter that fits below it fits below any ICCID.
        private const string LongestIccid = "00000000000000000000";

        private readonly SessionSettings settings;
        private readonly TransportConnector connector;
        private readonly SyncedClock clock;
        private readonly ILog log;
        private readonly string[] subscriptionSuffixes;
        private readonly ICloudListener listener;

        // The AWS IoT Core and 1NCE policy rules for this SIM's topics; made with the MQTT client, once the ICCID is known.
        private TopicRules rules;
        private MqttClient mqtt;
        private int inFlightCapacity;
        private ITransport transport;
        private bool overTls;

        /// <exception cref="ArgumentException">A subscription filter breaks a topic rule.</exception>
        public MqttLink(SessionSettings settings, TransportConnector connector, SyncedClock clock, ILog log, string[] subscriptionSuffixes, ICloudListener listener)
        {
            CheckSubscriptions(subscriptionSuffixes);
            this.settings = settings;
            this.connector = connector;
            this.clock = clock;
            this.log = log;
            this.subscriptionSuffixes = subscriptionSuffixes;
            this.listener = listener;
        }

        /// <summary>True from an accepted CONNACK until the connection is lost or dropped.</summary>
        public bool IsConnected
        {
            get { return mqtt != null && mqtt.IsConnected; }
        }

        /// <summary>
        /// True once a login made the MQTT client: it holds a QoS 1 message published while the session connects and
        /// writes it with CONNECT, so the first message costs no round trip of its own.
        /// </summary>
        public bool QueuesWhileConnecting
        {
            get { return mqtt != null; }
        }

        /// <summary>QoS 1 messages waiting for their PUBACK.</summary>
        public int InFlightCount
        {
            get { return mqtt == null ? 0 : mqtt.InFlightCount; }
        }

        /// <summary>Free in-flight slots of the MQTT client; none before a login made it.</summary>
        public int DeliverySlotsFree
        {
            get { return mqtt == null ? 0 : inFlightCapacity - mqtt.InFlightCount; }
        }

        /// <inheritdoc/>
        public string Detail { get; private set; }

        /// <inheritdoc/>
        public bool LoginRefused { get; private set; }

        /// <summary>
        /// Gives the login's MQTT user name to the MQTT client, making the client (and the topic rules) with the first
        /// one; used from the next connection on. Null, or why the login cannot be used: a user name this firmware
        /// cannot take apart, or a CONNECT that would not fit the send buffer.
        /// </summary>
        public string UseLogin(string iccid, string username)
        {
            try
            {
                string mqttUsername = CustomAuthUsername.Parse(username).MqttUsername;
                if (mqtt != null)
                {
                    mqtt.ChangeUsername(mqttUsername);
                    return null;
                }

                var mqttSettings = new MqttSettings(iccid, mqttUsername);
                mqttSettings.KeepAliveSeconds = settings.KeepAliveSeconds;
                mqttSettings.PingTimeoutMs = settings.PingTimeoutMs;
                mqttSettings.CleanSession = settings.CleanSession;
                mqtt = new MqttClient(mqttSettings, clock, log, this);
                inFlightCapacity = mqttSettings.InFlightCapacity;
                rules = new TopicRules(iccid);
                return null;
            }
            catch (FormatException ex)
            {
                return ex.Message;
            }
            catch (MqttException ex)
            {
                if (ex.Error != MqttError.PacketTooLarge)
                {
                    throw;
                }

                return ex.Message;
            }
        }

        /// <summary>&lt;ICCID&gt;/<paramref name="suffix"/>, checked against the topic rules.</summary>
        /// <exception cref="InvalidOperationException">No login has made the client yet, so the ICCID is not known.</exception>
        public string Topic(string suffix)
        {
            if (mqtt == null)
            {
                throw new InvalidOperationException("the ICCID is not known before the modem has been up and a login exists");
            }

            return rules.Topic(suffix);
        }

        /// <summary>Publishes under the topic rules; the packet id at QoS 1, 0 at QoS 0.</summary>
        /// <exception cref="CloudLinkException">QoS 2, not connected, in-flight table full, or too large.</exception>
        /// <exception cref="TopicRuleException">The topic or payload breaks a rule.</exception>
        public int Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            rules.CheckPublish(topic, count);
            try
            {
                return mqtt.Publish(topic, payload, offset, count, qos);
            }
            catch (MqttException ex)
            {
                throw new CloudLinkException(ex.Message, ex.Error == MqttError.NotConnected, ex);
            }
        }

        /// <inheritdoc/>
        public string NextTransport()
        {
            overTls = connector.UseTls();
            return TransportConnector.NameOf(overTls);
        }

        /// <summary>
        /// Opens the byte stream (<see cref="NextTransport"/> chose it) and starts an MQTT session over it. A refused
        /// upgrade or CONNACK, or a close before it (AWS's usual answer to a bad login), counts as a refused login.
        /// </summary>
        /// <remarks>
        /// The SUBSCRIBE goes out in CONNECT's write (MQTT 3.1.1 section 3.1.4 allows it) unless the broker is
        /// expected to keep the session: clean session is off and it answered our last SUBSCRIBE. Then CONNECT goes
        /// alone and the filters are subscribed only when CONNACK says the session is gone.
        /// </remarks>
        public bool Connect(string endpoint, string username)
        {
            LoginRefused = false;
            try
            {
                transport = connector.Open(endpoint, overTls, username);
                bool keptSessionExpected = !settings.CleanSession && mqtt.SubscribeAnswered;
                string[] filters = subscriptionSuffixes.Length == 0 ? null : CheckedFilters();
                ConnectResult result = mqtt.Connect(transport, keptSessionExpected ? null : filters, 1);
                if (!result.IsAccepted)
                {
                    return Failed(result.Detail, result.IsPossibleAuthFailure);
                }

                if (keptSessionExpected)
                {
                    SubscribeUnlessKept(result.SessionPresent, filters);
                }

                return true;
            }
            catch (WebSocketException ex)
            {
                bool refused = ex.HandshakeStatus == 401 || ex.HandshakeStatus == 403;
                return Failed(refused ? "WebSocket upgrade refused with " + ex.HandshakeStatus : ex.Message, refused);
            }
            catch (MqttException ex)
            {
                return Failed(ex.Message, false);
            }
        }

        // Filters, not topic names: a wildcard is allowed here, and they are checked as filters.
        private string[] CheckedFilters()
        {
            string[] filters = Filters(rules.Iccid, subscriptionSuffixes);
            rules.CheckSubscribe(filters);
            return filters;
        }

        // A session the broker kept holds the subscriptions and the commands queued meanwhile; one it lost (expired,
        // or taken over) needs them again, and this SUBACK is waited for. A filter the broker refuses is logged.
        private void SubscribeUnlessKept(bool sessionPresent, string[] filters)
        {
            if (sessionPresent)
            {
                log.Info("the broker kept the session: its subscriptions and the commands queued meanwhile stand, no SUBSCRIBE");
                return;
            }

            SubscribeResult granted = mqtt.Subscribe(filters, 1);
            if (!granted.AllGranted)
            {
                log.Warn(granted.FailureCount + " of " + filters.Length + " subscriptions refused by the broker");
            }
        }

        /// <summary>Receives for up to <paramref name="waitMs"/>; false once the connection is lost (see <see cref="Detail"/>).</summary>
        public bool Poll(int waitMs)
        {
            LoginRefused = false;
            return mqtt.Poll(waitMs);
        }

        /// <summary>Ends the MQTT session politely when one is up; unacknowledged messages stay for the next.</summary>
        public void Disconnect()
        {
            if (mqtt != null && mqtt.IsConnected)
            {
                mqtt.Disconnect();
            }
        }

        /// <summary>Gives up the connection: the client's side of it (see <see cref="Disconnect"/>) and its transport.</summary>
        public void Drop()
        {
            // A connection the session gives up on while the MQTT client still counts it as up (no SUBACK in
            // time) is ended in the client too: otherwise every later Connect is refused as "already connected".
            Disconnect();
            if (transport != null)
            {
                transport.Close();
                transport = null;
            }
        }

        /// <inheritdoc/>
        public void OnMessage(MqttMessage message)
        {
            listener.OnMessage(message);
        }

        /// <inheritdoc/>
        public void OnDelivered(int packetId)
        {
            listener.OnDelivered(packetId);
        }

        /// <inheritdoc/>
        public void OnConnectionLost(ConnectionLossReason reason, string detail)
        {
            Detail = detail;
        }

        /// <inheritdoc/>
        public void OnQuarantined(QuarantinedMessage message)
        {
            log.Warn("message " + message.PacketId + " to " + message.Topic + " set aside: the broker dropped the connection after it " + message.Drops + " times");
            listener.OnAbandoned(message.PacketId);
        }

        private bool Failed(string detail, bool loginRefused)
        {
            Detail = detail;
            LoginRefused = loginRefused;
            return false;
        }

        private static string[] Filters(string iccid, string[] suffixes)
        {
            string[] filters = new string[suffixes.Length];
            for (int i = 0; i < filters.Length; i++)
            {
                filters[i] = iccid + "/" + suffixes[i];
            }

            return filters;
        }

        // A subscription the topic rules refuse would fail every connection, so it is refused here, at once.
        private static void CheckSubscriptions(string[] suffixes)
        {
            if (suffixes.Length == 0)
            {
                return;
            }

            try
            {
                new TopicRules(LongestIccid).CheckSubscribe(Filters(LongestIccid, suffixes));
            }
            catch (TopicRuleException ex)
            {
                throw new ArgumentException("subscription refused by the topic rules: " + ex.Message, nameof(suffixes), ex);
            }
        }
    }
}
