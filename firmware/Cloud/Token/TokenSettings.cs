namespace CellularIot.Cloud.Token
{
    using System;

    /// <summary>When a token is considered due for renewal.</summary>
    public class TokenSettings
    {
        private double refreshFraction = 0.8;
        private TimeSpan fallbackLifetime = TimeSpan.FromHours(24);

        /// <summary>
        /// Part of the lifetime after which a new token is fetched (0 &lt; f &lt;= 1): with the default 0.8 and
        /// a 24 h token, about 19 h 12 min after fetching it, leaving time for retries before it expires.
        /// </summary>
        public double RefreshFraction
        {
            get
            {
                return refreshFraction;
            }

            set
            {
                if (!(value > 0 && value <= 1))
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "RefreshFraction must be above 0 and at most 1");
                }

                refreshFraction = value;
            }
        }

        /// <summary>The lifetime assumed when the JWT has no readable "exp": 24 h, what 1NCE documents.</summary>
        public TimeSpan FallbackLifetime
        {
            get
            {
                return fallbackLifetime;
            }

            set
            {
                if (value.Ticks <= 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "FallbackLifetime must be positive");
                }

                fallbackLifetime = value;
            }
        }
    }
}
