namespace CellularIot.Cloud.Token
{
    using System;
    using CellularIot.Cloud.Onboarding;

    /// <summary>An onboarding result and when it was fetched: what is persisted across reboots.</summary>
    public class TokenRecord
    {
        private readonly OnboardingResult credentials;
        private readonly DateTime fetchedAtUtc;

        /// <summary>Creates a record.</summary>
        public TokenRecord(OnboardingResult credentials, DateTime fetchedAtUtc)
        {
            if (credentials == null)
            {
                throw new ArgumentNullException(nameof(credentials));
            }

            this.credentials = credentials;
            this.fetchedAtUtc = fetchedAtUtc;
        }

        /// <summary>The onboarding result.</summary>
        public OnboardingResult Credentials
        {
            get { return credentials; }
        }

        /// <summary>When it was fetched (device UTC).</summary>
        public DateTime FetchedAtUtc
        {
            get { return fetchedAtUtc; }
        }
    }
}
