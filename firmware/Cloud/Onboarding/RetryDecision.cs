namespace CellularIot.Cloud.Onboarding
{
    /// <summary>What to do after a failed onboarding attempt: wait <see cref="DelayMs"/>, then try again.</summary>
    public class RetryDecision
    {
        private readonly int delayMs;
        private readonly bool simInactive;
        private readonly string reason;

        /// <summary>Creates a decision.</summary>
        public RetryDecision(int delayMs, bool simInactive, string reason)
        {
            this.delayMs = delayMs;
            this.simInactive = simInactive;
            this.reason = reason;
        }

        /// <summary>Milliseconds to wait before the next attempt.</summary>
        public int DelayMs
        {
            get { return delayMs; }
        }

        /// <summary>True when the server said the SIM is not active (404): worth reporting, not worth retrying soon.</summary>
        public bool SimInactive
        {
            get { return simInactive; }
        }

        /// <summary>One line for the log: what failed and when the next attempt comes.</summary>
        public string Reason
        {
            get { return reason; }
        }
    }
}
