namespace CellularIot.Cloud.Token
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Text;

    /// <summary>
    /// Reads the "exp" claim (seconds since 1970, UTC) from a JWT's payload. The signature is not checked:
    /// the authorizer does that; the device only wants to know when the token will stop working.
    /// </summary>
    public static class JwtExpiry
    {
        /// <summary>Longest JWT looked at.</summary>
        public const int MaxTokenChars = 8192;

        private const int MaxPayloadBytes = 4096;

        // 2200-01-01T00:00:00Z: later claims are treated as unreadable rather than trusted.
        private const long LatestExpirySeconds = 7258118400;

        /// <summary>The expiry of <paramref name="jwt"/>; false when it is not a JWT or has no usable "exp".</summary>
        public static bool TryRead(string jwt, out DateTime expiresUtc)
        {
            expiresUtc = DateTime.UnixEpoch;
            if (jwt == null || jwt.Length > MaxTokenChars)
            {
                return false;
            }

            string[] parts = jwt.Split('.');
            if (parts.Length != 3)
            {
                return false;
            }

            long seconds;
            try
            {
                byte[] payload = Base64Url.Decode(parts[1], MaxPayloadBytes);
                if (!JsonObject.Parse(Utf8.Decode(payload)).TryGetInteger("exp", out seconds))
                {
                    return false;
                }
            }
            catch (FormatException)
            {
                return false;
            }
            catch (Utf8Exception)
            {
                return false;
            }

            if (seconds <= 0 || seconds > LatestExpirySeconds)
            {
                return false;
            }

            expiresUtc = DateTime.UnixEpoch.AddTicks(seconds * TimeSpan.TicksPerSecond);
            return true;
        }
    }
}
