namespace CellularIot.Cloud.Session
{
    using System;
    using System.Threading;
    using CellularIot.Cloud.HttpsPost;
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Cloud.Token;
    using CellularIot.Modem;
    using CellularIot.Net;
    using CellularIot.Support;

    /// <summary>
    /// The session supervisor: brings the modem up, keeps a login (stored, or fresh from 1NCE onboarding),
    /// holds a link to AWS IoT Core (an MQTT session over TLS with ALPN "mqtt" or over a WebSocket, or HTTPS POST
    /// publishing, as <see cref="SessionSettings.Transport"/> says), and recovers
    /// from every failure by stepping back: a refused login leads to onboarding again, a lost connection to
    /// a reconnect with capped backoff and jitter, repeated failures and modem reboots to the modem's
    /// recovery ladder and a fresh bring-up. The login is refreshed ahead of expiry while connected.
    /// Driven by <see cref="RunOnce"/> from one thread, which is also the thread that publishes. The login comes
    /// from <see cref="LoginSource"/>, the byte stream from <see cref="TransportConnector"/>, the messages and their
    /// topic rules are <see cref="MqttLink"/>'s or <see cref="HttpsPostLink"/>'s, and the clock is set by
    /// <see cref="NetworkTimeSync"/>.
    /// </summary>
    public class CloudSession : ICloudLink
    {
        private readonly IModem modem;
        private readonly SessionSettings settings;
        private readonly TokenLifecycle tokens;
        private readonly SyncedClock clock;
        private readonly ILog log;
        private readonly TransportConnector connector;
        private readonly ISessionLink link;
        private readonly LoginSource logins;
        private readonly NetworkTimeSync time;
        private readonly byte[] caPem;
        private readonly ICloudListener listener;
        private readonly ExponentialBackoff reconnect;

        private SessionState state = SessionState.ModemUp;
        private SessionState resumeState;
        private long resumeAtMs;
        private string iccid;
        private bool recoverModem;
        private int connectFailures;
        private int rebootPending;

        /// <summary>Creates a session that has not started; call <see cref="RunOnce"/> repeatedly.</summary>
        /// <param name="modem">The modem; the session brings it up and recovers it.</param>
        /// <param name="settings">Timing, transport and endpoint settings.</param>
        /// <param name="tokens">The login's lifecycle and store.</param>
        /// <param name="clock">The clock, which the session sets from the network's time.</param>
        /// <param name="log">Progress and trouble.</param>
        /// <param name="random">Jitter for backoffs and WebSocket keys.</param>
        /// <param name="caPem">The root CA (PEM) that verifies both servers.</param>
        /// <param name="subscriptionSuffixes">Filters below &lt;ICCID&gt;/ to subscribe to on every connection.</param>
        /// <param name="listener">Where messages, acknowledgements and state changes go.</param>
        /// <exception cref="ArgumentException">A subscription filter breaks a topic rule.</exception>
        public CloudSession(IModem modem, SessionSettings settings, TokenLifecycle tokens, SyncedClock clock, ILog log, Random random, byte[] caPem, string[] subscriptionSuffixes, ICloudListener listener)
        {
            if (modem == null || settings == null || tokens == null || clock == null || log == null || random == null || caPem == null || subscriptionSuffixes == null || listener == null)
            {
                throw new ArgumentNullException(nameof(modem), "every argument is required");
            }

            this.modem = modem;
            this.settings = settings;
            this.tokens = tokens;
            this.clock = clock;
            this.log = log;
            connector = new TransportConnector(modem, settings, clock, log, random);
            link = settings.Transport == TransportChoice.HttpsPost
                ? (ISessionLink)new HttpsPostLink(settings, connector, clock, log, random, listener)
                : new MqttLink(settings, connector, clock, log, subscriptionSuffixes, listener);
            logins = new LoginSource(modem, connector, settings, tokens, clock, log, random);
            time = new NetworkTimeSync(modem, clock, log);
            this.caPem = caPem;
            this.listener = listener;
            reconnect = new ExponentialBackoff(settings.ReconnectInitialDelayMs, settings.ReconnectMaxDelayMs, settings.JitterPercent, random);
            modem.Rebooted += OnModemRebooted;
        }

        /// <summary>Where the session stands.</summary>
        public SessionState State
        {
            get { return state; }
        }

        /// <summary>True while the link to IoT Core is up.</summary>
        public bool IsOnline
        {
            get { return state == SessionState.Online; }
        }

        /// <summary>The SIM's ICCID (the MQTT client ID), or null before the modem has been up.</summary>
        public string Iccid
        {
            get { return iccid; }
        }

        /// <summary>The transport of the current or last connection: "MQTT over TLS (ALPN mqtt)", "MQTT over WebSocket" or "HTTPS POST".</summary>
        public string TransportName { get; private set; }

        /// <summary>Successful onboardings since start.</summary>
        public int Onboardings
        {
            get { return logins.Onboardings; }
        }

        /// <summary>Connections established since start (MQTT sessions, or HTTPS POST links reaching the endpoint).</summary>
        public int Connections { get; private set; }

        /// <summary>Connections lost since start.</summary>
        public int ConnectionsLost { get; private set; }

        /// <summary>Times the modem's recovery ladder ran.</summary>
        public int ModemRecoveries { get; private set; }

        /// <summary>Messages waiting for their acknowledgement (a PUBACK, or a 200 to their post).</summary>
        public int InFlightCount
        {
            get { return link.InFlightCount; }
        }

        /// <inheritdoc/>
        public int DeliverySlotsFree
        {
            get { return link.DeliverySlotsFree; }
        }

        /// <summary>&lt;ICCID&gt;/<paramref name="suffix"/>, checked against the topic rules.</summary>
        /// <exception cref="InvalidOperationException">The ICCID is not known yet.</exception>
        public string Topic(string suffix)
        {
            return link.Topic(suffix);
        }

        /// <summary>
        /// True when <see cref="Publish"/> takes a message of <paramref name="qos"/> now: while connected (also between
        /// CONNACK and SUBACK: a command the broker kept for the device may come then, and its reply goes out), and at
        /// QoS 1 while connecting over a link that holds the message and sends it with the connection's first write;
        /// at QoS 1 only while a delivery slot is free.
        /// </summary>
        public bool CanPublish(int qos)
        {
            if (qos == 1 && link.DeliverySlotsFree == 0)
            {
                return false;
            }

            return link.IsConnected || (qos == 1 && state == SessionState.Connecting && link.QueuesWhileConnecting);
        }

        /// <summary>
        /// Publishes under the topic rules. The delivery id of a QoS 1 message is unique among those in flight (over
        /// MQTT its packet id); 0 at QoS 0. See <see cref="CanPublish"/> for when a message is taken.
        /// </summary>
        /// <exception cref="CloudLinkException">Not connected (nor connecting, for QoS 1), QoS 2, in-flight table full, or too large.</exception>
        /// <exception cref="TopicRuleException">The topic or payload breaks a rule.</exception>
        public int Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            if (!CanPublish(qos))
            {
                throw new CloudLinkException("not connected: the cloud session is " + StateName(state), true, null);
            }

            return link.Publish(topic, payload, offset, count, qos);
        }

        /// <summary>
        /// Advances the session by one step: at most one bring-up, onboarding or connection attempt, or up to
        /// <paramref name="waitMs"/> of receiving while online or of waiting out a backoff. Never throws for
        /// a failure it can recover from.
        /// </summary>
        public void RunOnce(int waitMs)
        {
            if (Interlocked.Exchange(ref rebootPending, 0) != 0)
            {
                link.Drop();
                GoTo(SessionState.ModemUp, "the modem rebooted: sockets and data context are gone");
            }

            switch (state)
            {
                case SessionState.ModemUp:
                    BringModemUp();
                    break;
                case SessionState.Token:
                    EnsureLogin();
                    break;
                case SessionState.Connecting:
                    Connect();
                    break;
                case SessionState.Online:
                    RunOnline(waitMs);
                    break;
                default:
                    WaitOut(waitMs);
                    break;
            }
        }

        /// <summary>Ends the MQTT session politely; unacknowledged messages stay for the next connection.</summary>
        public void Stop()
        {
            link.Drop();
        }

        private void BringModemUp()
        {
            try
            {
                if (recoverModem)
                {
                    recoverModem = false;
                    ModemRecoveries++;
                    log.Warn("modem recovery: " + modem.Recover());
                }

                modem.PowerOn();
                Interlocked.Exchange(ref rebootPending, 0);
                iccid = modem.Identity.Iccid;
                RegistrationState registration = modem.WaitForRegistration();
                log.Info(registration == RegistrationState.Roaming ? "registered, roaming (as 1NCE SIMs do)" : "registered on the home network");
                modem.ActivateData(settings.Apn);

                // No signal reading here: it would cost a command on the way to the first message, and the device
                // reads the signal with its telemetry once online.
                time.Sync();
                modem.EnsureCaCertificate(settings.CaFileName, caPem);
                logins.RestoreFor(iccid);
                GoTo(SessionState.Token, "modem up");
            }
            catch (ModemException ex)
            {
                recoverModem = true;
                WaitThen(SessionState.ModemUp, reconnect.NextDelayMs(), "modem not up: " + ex.Message);
            }
        }

        private void EnsureLogin()
        {
            if (!tokens.NeedsRefresh && ApplyLogin())
            {
                GoTo(SessionState.Connecting, "stored login still valid: onboarding skipped");
                return;
            }

            try
            {
                logins.Onboard(iccid);
                if (ApplyLogin())
                {
                    GoTo(SessionState.Connecting, "onboarded");
                }
                else
                {
                    WaitThen(SessionState.Token, reconnect.NextDelayMs(), "the new login cannot be used");
                }
            }
            catch (OnboardingException ex)
            {
                RetryDecision decision = logins.Failed(ex);
                log.Warn("onboarding failed: " + decision.Reason);
                if (tokens.IsUsable && ApplyLogin())
                {
                    // The old login still works: use it, and try the refresh again later.
                    logins.RetryRefreshAfter(decision.DelayMs);
                    GoTo(SessionState.Connecting, "using the current login until a refresh succeeds");
                    return;
                }

                WaitThen(SessionState.Token, decision.DelayMs, decision.SimInactive ? "the SIM is not active at 1NCE" : "no login (" + ex.Message + ")");
            }
        }

        private void Connect()
        {
            string endpoint = tokens.Current.Credentials.EndpointHost;
            try
            {
                TransportName = link.NextTransport();
                log.Info("connecting to " + endpoint + ":" + settings.Port + " with " + TransportName);
                if (link.Connect(endpoint, tokens.Current.Credentials.Username))
                {
                    reconnect.Reset();
                    connectFailures = 0;
                    Connections++;
                    GoTo(SessionState.Online, "connected to " + endpoint + " with " + TransportName);
                }
                else if (link.LoginRefused)
                {
                    LoginRefused(link.Detail);
                }
                else
                {
                    ConnectFailed(link.Detail);
                }
            }
            catch (SocketOpenException ex)
            {
                if (ex.IsClockProblem)
                {
                    time.Sync();
                }

                ConnectFailed(ex.Message);
            }
            catch (ModemException ex)
            {
                ConnectFailed(ex.Message);
            }
            catch (TransportClosedException ex)
            {
                ConnectFailed(ex.Message);
            }
        }

        private void RunOnline(int waitMs)
        {
            if (logins.RefreshDue && RefreshWhileOnline())
            {
                return;
            }

            if (link.Poll(waitMs))
            {
                return;
            }

            if (link.LoginRefused)
            {
                LoginRefused(link.Detail);
                return;
            }

            ConnectionsLost++;
            link.Drop();
            string why = "connection lost: " + link.Detail;
            if (!tokens.IsUsable)
            {
                GoTo(SessionState.Token, why + "; the login has expired");
                return;
            }

            WaitThen(SessionState.Connecting, reconnect.NextDelayMs(), why);
        }

        // Fetches a new login on a second socket while MQTT stays up, then reconnects with it. Returns true
        // when the session left the online state.
        private bool RefreshWhileOnline()
        {
            try
            {
                logins.Onboard(iccid);
                link.Drop();
                if (ApplyLogin())
                {
                    GoTo(SessionState.Connecting, "login refreshed ahead of expiry");
                }
                else
                {
                    WaitThen(SessionState.Token, reconnect.NextDelayMs(), "the refreshed login cannot be used");
                }

                return true;
            }
            catch (OnboardingException ex)
            {
                RetryDecision decision = logins.Failed(ex);
                logins.RetryRefreshAfter(decision.DelayMs);
                log.Warn("login refresh failed: " + decision.Reason);
                return false;
            }
        }

        // Gives the current login to the link (between connections). False, with the login marked refused so that
        // onboarding runs next, when this firmware cannot use it: a login is data from outside and must not stop the session.
        private bool ApplyLogin()
        {
            string problem = link.UseLogin(iccid, tokens.Current.Credentials.Username);
            return problem == null || LoginUnusable(problem);
        }

        private bool LoginUnusable(string why)
        {
            log.Warn("the login cannot be used (" + why + "): onboarding again");
            tokens.ReportAuthFailure();
            return false;
        }

        private void LoginRefused(string detail)
        {
            link.Drop();
            tokens.ReportAuthFailure();
            WaitThen(SessionState.Token, reconnect.NextDelayMs(), "login refused (" + detail + "): onboarding again");
        }

        private void ConnectFailed(string detail)
        {
            link.Drop();
            connectFailures++;
            if (connectFailures >= settings.FailuresBeforeModemRecovery)
            {
                connectFailures = 0;
                recoverModem = true;
                WaitThen(SessionState.ModemUp, reconnect.NextDelayMs(), "connection failed " + settings.FailuresBeforeModemRecovery + " times (" + detail + "): recovering the modem");
                return;
            }

            WaitThen(SessionState.Connecting, reconnect.NextDelayMs(), "connection failed: " + detail);
        }

        private void WaitThen(SessionState next, int delayMs, string why)
        {
            resumeState = next;
            resumeAtMs = clock.MonotonicMs + delayMs;

            // Backoffs start below a second, where whole seconds would read "in 0 s".
            string after = delayMs < 10000 ? delayMs + " ms" : (delayMs / 1000) + " s";
            GoTo(SessionState.Waiting, why + "; next: " + StateName(next) + " in " + after);
        }

        private void WaitOut(int waitMs)
        {
            long remaining = resumeAtMs - clock.MonotonicMs;
            if (remaining <= 0)
            {
                GoTo(resumeState, "retrying");
                return;
            }

            Thread.Sleep((int)(remaining < waitMs ? remaining : waitMs));
        }

        private void GoTo(SessionState next, string detail)
        {
            state = next;
            if (next == SessionState.Waiting)
            {
                log.Warn(detail);
            }
            else
            {
                log.Info(StateName(next) + ": " + detail);
            }

            listener.OnStateChanged(next, detail);
        }

        private void OnModemRebooted(object sender, EventArgs e)
        {
            Interlocked.Exchange(ref rebootPending, 1);
        }

        private static string StateName(SessionState value)
        {
            switch (value)
            {
                case SessionState.ModemUp:
                    return "modem up";
                case SessionState.Token:
                    return "login";
                case SessionState.Connecting:
                    return "connecting";
                case SessionState.Online:
                    return "online";
                default:
                    return "waiting";
            }
        }
    }
}
