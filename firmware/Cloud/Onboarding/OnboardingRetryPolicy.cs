namespace CellularIot.Cloud.Onboarding
{
    using System;
    using CellularIot.Support;

    /// <summary>
    /// Computes how long to wait after a failed onboarding attempt; the caller does the waiting. Transport
    /// errors, 5xx, 408, 429 and unreadable answers back off exponentially with jitter up to a cap. A 404
    /// (SIM unknown or not active) and other 4xx refusals cannot heal by retrying soon: they get the long
    /// wait. Not thread-safe.
    /// </summary>
    public class OnboardingRetryPolicy
    {
        private readonly OnboardingRetrySettings settings;
        private readonly ExponentialBackoff backoff;

        /// <summary>Creates a policy; <paramref name="random"/> supplies the jitter.</summary>
        public OnboardingRetryPolicy(OnboardingRetrySettings settings, Random random)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (random == null)
            {
                throw new ArgumentNullException(nameof(random));
            }

            this.settings = settings;
            backoff = new ExponentialBackoff(settings.InitialDelayMs, settings.MaxDelayMs, settings.JitterPercent, random);
        }

        /// <summary>Transient failures since the last success: the exponent of the backoff.</summary>
        public int TransientFailures
        {
            get { return backoff.Failures; }
        }

        /// <summary>True when <paramref name="error"/> is worth a quick (backed-off) retry.</summary>
        public static bool IsTransient(OnboardingException error)
        {
            if (error == null)
            {
                throw new ArgumentNullException(nameof(error));
            }

            if (error.Error != OnboardingError.HttpStatus)
            {
                return true;
            }

            int status = error.StatusCode;
            return status >= 500 || status == 408 || status == 429;
        }

        /// <summary>The wait before the next attempt after <paramref name="error"/>.</summary>
        public RetryDecision OnFailure(OnboardingException error)
        {
            if (IsTransient(error))
            {
                int delay = backoff.NextDelayMs();
                return new RetryDecision(delay, false, error.Message + "; retry " + backoff.Failures + " in " + (delay / 1000) + " s");
            }

            int wait = backoff.Jitter(settings.SimInactiveDelayMs);
            bool simInactive = error.StatusCode == 404;
            string what = simInactive ? "SIM not active or unknown to 1NCE (404 " + error.StatusText + ")" : error.Message;
            return new RetryDecision(wait, simInactive, what + "; not retrying for " + (wait / 60000) + " min");
        }

        /// <summary>Starts the backoff over after a successful onboarding.</summary>
        public void OnSuccess()
        {
            backoff.Reset();
        }
    }
}
