namespace CellularIot.Support
{
    /// <summary>Shortens secrets for logs: the token is a credential and is never logged whole.</summary>
    public static class Redact
    {
        /// <summary>The first and last four characters and the length, e.g. "eyJh…x9Q (812 chars)".</summary>
        public static string Secret(string secret)
        {
            if (secret == null)
            {
                return "(none)";
            }

            if (secret.Length <= 12)
            {
                return "*** (" + secret.Length + " chars)";
            }

            return secret.Substring(0, 4) + "…" + secret.Substring(secret.Length - 4) + " (" + secret.Length + " chars)";
        }
    }
}
