namespace CellularIot.Cloud.Onboarding
{
    using System;

    /// <summary>
    /// Computes how long to wait after a failed onboarding attempt; the caller does the waiting. Transport
    /// errors, 5xx, 408, 429 and unreadable answers back off exponentially with jitter up to a cap. A 404
    /// (SIM unknown or not active) and other 4xx refusals cannot heal by retrying soon: they get the long
    /// wait. Not thread-safe.
    /// </summary>
    public class OnboardingRetryPolicy
    {
        private readonly OnboardingRetrySettings settings;
        private readonly Random random;
        private int transientFailures;

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
            this.random = random;
        }

        /// <summary>Transient failures since the last success: the exponent of the backoff.</summary>
        public int TransientFailures
        {
            get { return transientFailures; }
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
                transientFailures++;
                int delay = Jitter(Backoff(transientFailures));
                return new RetryDecision(delay, false, error.Message + "; retry " + transientFailures + " in " + (delay / 1000) + " s");
            }

            int wait = Jitter(settings.SimInactiveDelayMs);
            bool simInactive = error.StatusCode == 404;
            string what = simInactive ? "SIM not active or unknown to 1NCE (404 " + error.StatusText + ")" : error.Message;
            return new RetryDecision(wait, simInactive, what + "; not retrying for " + (wait / 60000) + " min");
        }

        /// <summary>Starts the backoff over after a successful onboarding.</summary>
        public void OnSuccess()
        {
            transientFailures = 0;
        }

        // initial * 2^(n-1), capped, computed by doubling so it cannot overflow.
        private int Backoff(int failures)
        {
            long delay = settings.InitialDelayMs;
            for (int i = 1; i < failures && delay < settings.MaxDelayMs; i++)
            {
                delay *= 2;
            }

            return delay < settings.MaxDelayMs ? (int)delay : settings.MaxDelayMs;
        }

        private int Jitter(int delay)
        {
            int span = (int)((long)delay * settings.JitterPercent / 100);
            return delay - (span > 0 ? random.Next(span < int.MaxValue ? span + 1 : span) : 0);
        }
    }
}
