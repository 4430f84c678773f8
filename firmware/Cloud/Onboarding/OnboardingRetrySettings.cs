namespace CellularIot.Cloud.Onboarding
{
    using System;

    /// <summary>Delays between onboarding attempts.</summary>
    public class OnboardingRetrySettings
    {
        private int initialDelayMs = 10000;
        private int maxDelayMs = 30 * 60 * 1000;
        private int jitterPercent = 25;
        private int simInactiveDelayMs = 6 * 60 * 60 * 1000;

        /// <summary>Delay after the first transient failure; it doubles with each further one.</summary>
        public int InitialDelayMs
        {
            get { return initialDelayMs; }
            set { initialDelayMs = Range(value, 1, int.MaxValue, nameof(InitialDelayMs)); }
        }

        /// <summary>Cap of the doubling delay.</summary>
        public int MaxDelayMs
        {
            get { return maxDelayMs; }
            set { maxDelayMs = Range(value, 1, int.MaxValue, nameof(MaxDelayMs)); }
        }

        /// <summary>
        /// How much of each delay is random: a delay of D waits between D*(100-J)/100 and D, so a fleet that
        /// lost the network together does not come back in step.
        /// </summary>
        public int JitterPercent
        {
            get { return jitterPercent; }
            set { jitterPercent = Range(value, 0, 100, nameof(JitterPercent)); }
        }

        /// <summary>The long wait after a 404 (SIM unknown or not active), which no quick retry can fix.</summary>
        public int SimInactiveDelayMs
        {
            get { return simInactiveDelayMs; }
            set { simInactiveDelayMs = Range(value, 1, int.MaxValue, nameof(SimInactiveDelayMs)); }
        }

        private static int Range(int value, int min, int max, string name)
        {
            if (value < min || value > max)
            {
                throw new ArgumentOutOfRangeException(name, "must be between " + min + " and " + max);
            }

            return value;
        }
    }
}
