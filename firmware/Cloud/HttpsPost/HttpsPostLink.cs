namespace CellularIot.Cloud.HttpsPost
{
    using System;
    using System.Collections;
    using System.Threading;
    using CellularIot.Cloud.Session;
    using CellularIot.Cloud.Token;
    using CellularIot.Cloud.Topics;
    using CellularIot.Modem;
    using CellularIot.Net;
    using CellularIot.Net.Http;
    using CellularIot.Support;
    using CellularIot.Text;

    /// <summary>
    /// Publishing with HTTPS POST, as 1NCE's seed does it with curl: each message is
    /// <c>POST /topics/&lt;topic&gt;?qos=1&amp;x-amz-customauthorizer-name=...&amp;x-amz-customauthorizer-signature=...&amp;token=...</c>
    /// (the login's user name from the authorizer name on) with the headers <c>username</c> (the user name as
    /// onboarding returned it) and <c>clientId</c>, the message as the body, on a TLS connection to the IoT endpoint
    /// (SNI, server verified, no ALPN) kept open from post to post, and opened again only when the server closed it
    /// or it sat idle for <see cref="SessionSettings.HttpsPostIdleSeconds"/>. Nothing comes back but answers: no commands.
    /// <para>
    /// <see cref="Publish"/> only queues a copy; <see cref="Poll"/> posts the oldest and reads its answer. 200 is the
    /// acknowledgement (reported as a PUBACK is); 401 or 403 asks the session for a new login once, and after that is
    /// a clear error and a back-off; 413 splits the batch; 429 and 5xx back off with jitter; another refusal sets the
    /// message aside (as MQTT quarantines one). A connection the server closed is replaced and the post sent again,
    /// so nothing is lost; a post whose answer was cut off may arrive twice, with the same sequence numbers.
    /// </para>
    /// </summary>
    internal sealed class HttpsPostLink : ISessionLink
    {
        /// <summary>The transport's name, for status replies and logs.</summary>
        public const string Name = "HTTPS POST";

        private const int QueueCapacity = 8;

        private readonly SessionSettings settings;
        private readonly TransportConnector connector;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly ICloudListener listener;
        private readonly ExponentialBackoff backoff;
        private readonly ArrayList queue = new ArrayList();

        private TopicRules rules;
        private string clientId;
        private string username;
        private string authorizerQuery;
        private string endpoint;
        private ITransport transport;
        private HttpConnection http;
        private bool connected;
        private long lastUsedMs;
        private long holdUntilMs;
        private int lastDeliveryId;
        private int refusalsInARow;

        public HttpsPostLink(SessionSettings settings, TransportConnector connector, IClock clock, ILog log, Random random, ICloudListener listener)
        {
            this.settings = settings;
            this.connector = connector;
            this.clock = clock;
            this.log = log;
            this.listener = listener;
            backoff = new ExponentialBackoff(settings.ReconnectInitialDelayMs, settings.ReconnectMaxDelayMs, settings.JitterPercent, random);
        }

        /// <inheritdoc/>
        public bool IsConnected
        {
            get { return connected; }
        }

        /// <summary>False: a post is a request of its own, so nothing is gained by holding one for the connection.</summary>
        public bool QueuesWhileConnecting
        {
            get { return false; }
        }

        /// <inheritdoc/>
        public int InFlightCount
        {
            get { return queue.Count; }
        }

        /// <summary>Room in the queue of posts.</summary>
        public int DeliverySlotsFree
        {
            get { return QueueCapacity - queue.Count; }
        }

        /// <inheritdoc/>
        public string Detail { get; private set; }

        /// <inheritdoc/>
        public bool LoginRefused { get; private set; }

        /// <summary>Takes the login: the user name is sent as its header as it is, and its authorizer part is the query.</summary>
        public string UseLogin(string iccid, string username)
        {
            string problem = HttpFieldRules.ValueProblem(username, "username", false);
            if (problem != null)
            {
                return "the user name cannot be sent as a header: " + problem;
            }

            try
            {
                authorizerQuery = CustomAuthUsername.Parse(username).HttpsQuery;
            }
            catch (FormatException ex)
            {
                return ex.Message;
            }

            this.username = username;
            if (rules == null)
            {
                clientId = iccid;
                rules = new TopicRules(iccid);
            }

            return null;
        }

        /// <inheritdoc/>
        public string Topic(string suffix)
        {
            if (rules == null)
            {
                throw new InvalidOperationException("the ICCID is not known before the modem has been up and a login exists");
            }

            return rules.Topic(suffix);
        }

        /// <summary>Queues a copy of the message for <see cref="Poll"/> to post; the delivery id at QoS 1, 0 at QoS 0.</summary>
        public int Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            if (!connected)
            {
                throw new CloudLinkException("not connected", true, null);
            }

            rules.CheckPublish(topic, count);
            if (qos != 0 && qos != 1)
            {
                throw new CloudLinkException("QoS " + qos + " refused: IoT Core publishes at QoS 0 and 1 only", false, null);
            }

            if (queue.Count == QueueCapacity)
            {
                throw new CloudLinkException(QueueCapacity + " messages wait to be posted already", false, null);
            }

            byte[] body = new byte[count];
            Array.Copy(payload, offset, body, 0, count);
            int id = 0;
            if (qos == 1)
            {
                lastDeliveryId = lastDeliveryId == 65535 ? 1 : lastDeliveryId + 1;
                id = lastDeliveryId;
            }

            queue.Add(new PendingPost(id, topic, qos, body));
            return id;
        }

        /// <inheritdoc/>
        public string NextTransport()
        {
            return Name;
        }

        /// <summary>Opens the TLS connection posts go over: the session is online once the endpoint is reached.</summary>
        public bool Connect(string endpoint, string username)
        {
            this.endpoint = endpoint;
            LoginRefused = false;
            Open();
            connected = true;
            return true;
        }

        /// <summary>
        /// Posts the oldest waiting message and handles its answer, or waits up to <paramref name="waitMs"/> when none
        /// is due. False when the endpoint cannot be reached or answered nothing usable, or refused the login (see
        /// <see cref="LoginRefused"/>); the message waits for the next connection.
        /// </summary>
        public bool Poll(int waitMs)
        {
            LoginRefused = false;
            if (transport != null && (!transport.IsOpen || clock.MonotonicMs - lastUsedMs >= settings.HttpsPostIdleSeconds * 1000L))
            {
                // Closed by the server, or idle long enough that the server may close it under the next post.
                CloseConnection();
            }

            long holdMs = holdUntilMs - clock.MonotonicMs;
            if (queue.Count == 0 || holdMs > 0)
            {
                Thread.Sleep(queue.Count == 0 || holdMs > waitMs ? waitMs : (int)holdMs);
                return true;
            }

            var post = (PendingPost)queue[0];
            try
            {
                return Answered(post, Exchange(Request(post)));
            }
            catch (HttpException ex)
            {
                return Lost("no answer to the post: " + ex.Message);
            }
            catch (SocketOpenException ex)
            {
                return Lost(ex.Message);
            }
            catch (ModemException ex)
            {
                return Lost(ex.Message);
            }
        }

        /// <inheritdoc/>
        public void Drop()
        {
            connected = false;
            CloseConnection();
        }

        private HttpRequest Request(PendingPost post)
        {
            var request = new HttpRequest(endpoint, "/topics/" + PercentEncoding.EncodePath(post.Topic) + "?qos=" + post.Qos + "&" + authorizerQuery);
            request.Method = "POST";
            request.Connection = HttpRequest.ConnectionKeepAlive;
            request.Headers.Add("username", username);
            request.Headers.Add("clientId", clientId);
            request.SetBody(post.Body, "application/json");
            return request;
        }

        // Sends on the open connection; when the server had closed that one, once more on a new one.
        private HttpResponse Exchange(HttpRequest request)
        {
            bool fresh = transport == null;
            if (fresh)
            {
                Open();
            }

            try
            {
                return http.Send(request);
            }
            catch (HttpException ex)
            {
                CloseConnection();
                if (fresh || ex.Error != HttpError.PrematureClose)
                {
                    throw;
                }

                log.Info("the server closed the kept connection (" + ex.Message + "): posting again on a new one");
            }

            Open();
            return http.Send(request);
        }

        private bool Answered(PendingPost post, HttpResponse answer)
        {
            lastUsedMs = clock.MonotonicMs;
            string connection = answer.Headers.Get("Connection");
            if (answer.MinorVersion == 0 || (connection != null && AsciiText.EqualsIgnoreCase(connection.Trim(), HttpRequest.ConnectionClose)))
            {
                CloseConnection();
            }

            int status = answer.StatusCode;
            string why = "IoT Core answered the post to " + post.Topic + " with " + status + " " + answer.ReasonPhrase;
            if (answer.IsSuccess)
            {
                Delivered(post);
                return true;
            }

            if (status == 401 || status == 403)
            {
                return Refused(why);
            }

            if (status == 413)
            {
                Split(post, why);
            }
            else if (status == 429 || status >= 500)
            {
                Hold(why);
            }
            else
            {
                Abandon(post.DeliveryId, why);
            }

            return true;
        }

        private void Delivered(PendingPost post)
        {
            queue.RemoveAt(0);
            backoff.Reset();
            refusalsInARow = 0;
            if (post.DeliveryId != 0 && !Waiting(post.DeliveryId))
            {
                listener.OnDelivered(post.DeliveryId);
            }
        }

        // The first refusal asks for a new login; one that follows it is the login's fault no more.
        private bool Refused(string why)
        {
            refusalsInARow++;
            if (refusalsInARow == 1)
            {
                Detail = why;
                LoginRefused = true;
                CloseConnection();
                return false;
            }

            Hold(why + " again, with a fresh login: the authorizer or the policy refuses this SIM's posts");
            return true;
        }

        private void Split(PendingPost post, string why)
        {
            byte[] first;
            byte[] second;
            if (!BatchSplit.Halves(post.Body, out first, out second))
            {
                Abandon(post.DeliveryId, why + ": one reading is too large");
                return;
            }

            log.Warn(why + ": the batch of " + post.Body.Length + " bytes goes in two halves");
            post.Body = first;
            queue.Insert(1, new PendingPost(post.DeliveryId, post.Topic, post.Qos, second));
        }

        private void Hold(string why)
        {
            int delayMs = backoff.NextDelayMs();
            holdUntilMs = clock.MonotonicMs + delayMs;
            log.Warn(why + "; next post in " + (delayMs / 1000) + " s");
        }

        private void Abandon(int deliveryId, string why)
        {
            log.Warn(why + ": the message is set aside");
            queue.RemoveAt(0);
            for (int i = queue.Count - 1; i >= 0 && deliveryId != 0; i--)
            {
                if (((PendingPost)queue[i]).DeliveryId == deliveryId)
                {
                    queue.RemoveAt(i);
                }
            }

            if (deliveryId != 0)
            {
                listener.OnAbandoned(deliveryId);
            }
        }

        private bool Waiting(int deliveryId)
        {
            foreach (PendingPost waiting in queue)
            {
                if (waiting.DeliveryId == deliveryId)
                {
                    return true;
                }
            }

            return false;
        }

        private bool Lost(string why)
        {
            Detail = why;
            CloseConnection();
            return false;
        }

        private void Open()
        {
            transport = connector.OpenHttps(endpoint);
            http = new HttpConnection(transport, clock, settings.Http);
            lastUsedMs = clock.MonotonicMs;
        }

        private void CloseConnection()
        {
            if (transport != null)
            {
                transport.Close();
                transport = null;
                http = null;
            }
        }
    }
}
