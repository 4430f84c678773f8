namespace CellularIot.Cloud.Token
{
    using System;

    /// <summary>
    /// When a fetched token expires and when to replace it. The expiry is the JWT's "exp" claim when it is
    /// readable and later than the fetch time; otherwise the fetch time plus the fallback lifetime (24 h).
    /// The refresh point lies at <see cref="TokenSettings.RefreshFraction"/> of the way there.
    /// </summary>
    public class TokenLifetime
    {
        // The network's time has whole seconds, and the device's clock is set from it at every start: a restart
        // a moment after the fetch may read a little earlier than the fetch time without any clock having gone back.
        private static readonly TimeSpan ClockGrain = TimeSpan.FromSeconds(5);

        private readonly DateTime fetchedAtUtc;
        private readonly DateTime expiresUtc;
        private readonly DateTime refreshAtUtc;
        private readonly bool expiryFromJwt;

        /// <summary>Computes the lifetime of <paramref name="jwt"/> (null when unknown) fetched at <paramref name="fetchedAtUtc"/>.</summary>
        public TokenLifetime(DateTime fetchedAtUtc, string jwt, TokenSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            this.fetchedAtUtc = fetchedAtUtc;
            DateTime claimed;

            // An "exp" at or before the fetch time means one of the clocks is wrong; the documented 24 h is
            // then the safer guess than an already expired token.
            expiryFromJwt = JwtExpiry.TryRead(jwt, out claimed) && claimed > fetchedAtUtc;
            expiresUtc = expiryFromJwt ? claimed : fetchedAtUtc + settings.FallbackLifetime;
            long lifetimeTicks = (expiresUtc - fetchedAtUtc).Ticks;
            refreshAtUtc = fetchedAtUtc.AddTicks((long)(lifetimeTicks * settings.RefreshFraction));
        }

        /// <summary>When the token was fetched.</summary>
        public DateTime FetchedAtUtc
        {
            get { return fetchedAtUtc; }
        }

        /// <summary>When the token stops working.</summary>
        public DateTime ExpiresUtc
        {
            get { return expiresUtc; }
        }

        /// <summary>When to fetch a new one.</summary>
        public DateTime RefreshAtUtc
        {
            get { return refreshAtUtc; }
        }

        /// <summary>True when the expiry came from the JWT, false when it is the fallback.</summary>
        public bool ExpiryFromJwt
        {
            get { return expiryFromJwt; }
        }

        /// <summary>
        /// True at or after the refresh point, and also when the clock reads earlier than the fetch time (by more
        /// than the network time's grain): the wall clock then cannot tell the token's age, and a fresh token is cheap.
        /// </summary>
        public bool IsRefreshDue(DateTime nowUtc)
        {
            return nowUtc >= refreshAtUtc || nowUtc < fetchedAtUtc - ClockGrain;
        }

        /// <summary>True before the expiry (and not before the fetch time, give or take the network time's grain).</summary>
        public bool IsUsable(DateTime nowUtc)
        {
            return nowUtc < expiresUtc && nowUtc >= fetchedAtUtc - ClockGrain;
        }
    }
}
