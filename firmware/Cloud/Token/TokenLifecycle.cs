namespace CellularIot.Cloud.Token
{
    using System;
    using System.IO;
    using CellularIot.Cloud.Onboarding;
    using CellularIot.Support;

    /// <summary>
    /// Holds the current IoT Core login and decides when onboarding must run: at boot when no stored token
    /// is still before its refresh point, when the refresh point passes, and after the broker refused the
    /// login (<see cref="ReportAuthFailure"/>). Each accepted login is persisted through <see cref="TokenStore"/>.
    /// Not thread-safe: the device's state machine owns it.
    /// </summary>
    public class TokenLifecycle
    {
        private readonly TokenStore store;
        private readonly IClock clock;
        private readonly TokenSettings settings;
        private readonly ILog log;
        private TokenRecord current;
        private TokenLifetime lifetime;
        private bool authFailed;

        /// <summary>Creates a lifecycle with no login yet; call <see cref="RestoreFromStore"/> at boot.</summary>
        public TokenLifecycle(TokenStore store, IClock clock, TokenSettings settings, ILog log)
        {
            if (store == null)
            {
                throw new ArgumentNullException(nameof(store));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (log == null)
            {
                throw new ArgumentNullException(nameof(log));
            }

            this.store = store;
            this.clock = clock;
            this.settings = settings;
            this.log = log;
        }

        /// <summary>The current login, or null before the first one.</summary>
        public TokenRecord Current
        {
            get { return current; }
        }

        /// <summary>The current login's expiry and refresh point, or null.</summary>
        public TokenLifetime Lifetime
        {
            get { return lifetime; }
        }

        /// <summary>True when onboarding should run now: no login, refresh point reached, or the login was refused.</summary>
        public bool NeedsRefresh
        {
            get { return current == null || authFailed || lifetime.IsRefreshDue(clock.UtcNow); }
        }

        /// <summary>
        /// True while the current login may still work (not refused, not expired): a connection may use it
        /// while a due refresh keeps failing.
        /// </summary>
        public bool IsUsable
        {
            get { return current != null && !authFailed && lifetime.IsUsable(clock.UtcNow); }
        }

        /// <summary>
        /// Loads the stored login. Returns true when it is still before its refresh point, so onboarding can
        /// be skipped; a stored login past that point is kept as <see cref="Current"/> but needs a refresh.
        /// </summary>
        public bool RestoreFromStore()
        {
            TokenRecord stored = store.Load();
            if (stored == null)
            {
                log.Info("no stored token: onboarding needed");
                return false;
            }

            Adopt(stored);
            bool fresh = !NeedsRefresh;
            log.Info("stored token from " + stored.FetchedAtUtc.ToString() + " " + (fresh ? "still valid" : "due for refresh")
                + "; refresh at " + lifetime.RefreshAtUtc.ToString());
            return fresh;
        }

        /// <summary>Takes a freshly onboarded login (fetched now) and persists it; a failed write is logged, not thrown.</summary>
        public void Accept(OnboardingResult fresh)
        {
            if (fresh == null)
            {
                throw new ArgumentNullException(nameof(fresh));
            }

            TokenRecord record = new TokenRecord(fresh, clock.UtcNow);
            Adopt(record);
            try
            {
                store.Save(record);
            }
            catch (IOException e)
            {
                // The login works without being stored; the next boot will simply onboard again.
                log.Warn("token not persisted: " + e.Message);
            }
            catch (ArgumentException e)
            {
                log.Warn("token not persisted: " + e.Message);
            }

            log.Info("token accepted, expires " + lifetime.ExpiresUtc.ToString() + (lifetime.ExpiryFromJwt ? " (JWT exp)" : " (assumed 24 h)")
                + ", refresh at " + lifetime.RefreshAtUtc.ToString());
        }

        /// <summary>The broker refused the login (connection closed before CONNACK, CONNACK 5, upgrade 401/403): onboard again.</summary>
        public void ReportAuthFailure()
        {
            authFailed = true;
        }

        private void Adopt(TokenRecord record)
        {
            current = record;
            authFailed = false;
            string jwt = null;
            try
            {
                jwt = CustomAuthUsername.Parse(record.Credentials.Username).Token;
            }
            catch (FormatException)
            {
                // A username this code cannot take apart still has a lifetime: the fallback.
            }

            lifetime = new TokenLifetime(record.FetchedAtUtc, jwt, settings);
        }
    }
}
