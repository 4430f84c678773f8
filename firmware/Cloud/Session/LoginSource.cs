namespace CellularIot.Cloud.Session
{
    using System;
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Cloud.Token;
    using CellularIot.Modem;
    using CellularIot.Net;
    using CellularIot.Support;

    /// <summary>
    /// Where the session's login comes from: the store, once, at the first bring-up; else 1NCE's onboarding API
    /// over a TLS socket of its own (beside a live MQTT connection when the login is refreshed). A new login is
    /// checked before it is kept, and failed attempts are spaced as the onboarding retry policy says.
    /// </summary>
    internal sealed class LoginSource
    {
        private readonly IModem modem;
        private readonly TransportConnector connector;
        private readonly SessionSettings settings;
        private readonly TokenLifecycle tokens;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly OnboardingClient onboarding;
        private readonly OnboardingRetryPolicy retry;
        private bool restored;
        private long nextRefreshAttemptMs;

        public LoginSource(IModem modem, TransportConnector connector, SessionSettings settings, TokenLifecycle tokens, IClock clock, ILog log, Random random)
        {
            this.modem = modem;
            this.connector = connector;
            this.settings = settings;
            this.tokens = tokens;
            this.clock = clock;
            this.log = log;
            onboarding = new OnboardingClient(clock, settings.Http);
            retry = new OnboardingRetryPolicy(settings.OnboardingRetry, random);
        }

        /// <summary>Successful onboardings since start.</summary>
        public int Onboardings { get; private set; }

        /// <summary>True when the login is due for its refresh and no failed attempt asks to wait longer.</summary>
        public bool RefreshDue
        {
            get { return tokens.NeedsRefresh && clock.MonotonicMs >= nextRefreshAttemptMs; }
        }

        /// <summary>
        /// Takes the stored login back the first time the modem is up, and marks a login of another SIM refused,
        /// so that onboarding runs for this one.
        /// </summary>
        public void RestoreFor(string iccid)
        {
            if (!restored)
            {
                restored = true;
                tokens.RestoreFromStore();
            }

            if (tokens.Current != null && tokens.Current.Credentials.ClientId != iccid)
            {
                log.Warn("the stored login belongs to SIM " + tokens.Current.Credentials.ClientId + ": onboarding for this one");
                tokens.ReportAuthFailure();
            }
        }

        /// <summary>Fetches a login from 1NCE for the SIM <paramref name="iccid"/>, checks it and keeps it.</summary>
        /// <exception cref="OnboardingException">No usable login came back.</exception>
        public void Onboard(string iccid)
        {
            Accept(Fetch(), iccid);
        }

        /// <summary>What to do after <paramref name="failure"/>: how long to wait, and why.</summary>
        public RetryDecision Failed(OnboardingException failure)
        {
            return retry.OnFailure(failure);
        }

        /// <summary>Makes the next refresh wait <paramref name="delayMs"/> while the current login stays in use.</summary>
        public void RetryRefreshAfter(int delayMs)
        {
            nextRefreshAttemptMs = clock.MonotonicMs + delayMs;
        }

        private OnboardingResult Fetch()
        {
            log.Info("onboarding at " + settings.OnboardingHost);
            ISecureSocket socket;
            try
            {
                socket = modem.OpenSecureSocket(connector.SocketTo(settings.OnboardingHost, null));
            }
            catch (ModemException ex)
            {
                throw new OnboardingException(OnboardingError.Transport, "cannot reach " + settings.OnboardingHost + ": " + ex.Message, 0, null, null);
            }

            var link = new ModemTransport(socket);
            try
            {
                return onboarding.Fetch(link);
            }
            finally
            {
                link.Close();
            }
        }

        private void Accept(OnboardingResult login, string iccid)
        {
            // Checked before it is stored: a login this firmware cannot take apart would otherwise be kept, and
            // used again after every restart, until it expired.
            try
            {
                CustomAuthUsername.Parse(login.Username);
            }
            catch (FormatException ex)
            {
                throw new OnboardingException(OnboardingError.Malformed, "unusable username: " + ex.Message, 0, null, OnboardingResponse.UsernameField);
            }

            if (login.ClientId != iccid)
            {
                log.Warn("onboarding answered for client ID " + login.ClientId + ", not this SIM's ICCID " + iccid + "; the broker will refuse it");
            }

            RootCaCheckResult root = RootCaCheck.Check(login.AmazonRootCaUrl);
            if (!root.MatchesShippedRoot)
            {
                log.Warn(root.Warning);
            }

            tokens.Accept(login);
            retry.OnSuccess();
            nextRefreshAttemptMs = 0;
            Onboardings++;
            log.Info("login for " + login.EndpointHost + ": user name " + Redact.Secret(login.Username));
        }
    }
}
