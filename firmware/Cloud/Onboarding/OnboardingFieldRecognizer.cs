namespace CellularIot.Cloud.Onboarding
{
    using CellularIot.Text;

    /// <summary>
    /// How each onboarding field looks, so the CSV answer can be read whatever its column order: the
    /// username carries the authorizer marker, the client ID is a 19-20 digit ICCID, the endpoint is a DNS
    /// name, and the root CA URL is an https URL with a path.
    /// </summary>
    public static class OnboardingFieldRecognizer
    {
        /// <summary>The query key every custom-authorizer username holds.</summary>
        public const string AuthorizerMarker = "x-amz-customauthorizer-name";

        private const string Https = "https://";

        /// <summary>True for a username that carries a custom-authorizer login (plain or percent-encoded).</summary>
        public static bool IsUsername(string value)
        {
            return AsciiText.IndexOf(value, AuthorizerMarker, 0, true) >= 0;
        }

        /// <summary>True for 19 or 20 decimal digits, the length of an ICCID.</summary>
        public static bool IsIccid(string value)
        {
            if (value.Length < 19 || value.Length > 20)
            {
                return false;
            }

            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] < '0' || value[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True for a host name of at least two labels (letters, digits, inner hyphens; 1-63 characters each,
        /// 253 in all) whose last label is not numeric, so an IP address does not pass.
        /// </summary>
        public static bool IsDnsName(string value)
        {
            if (value.Length == 0 || value.Length > 253)
            {
                return false;
            }

            int labels = 0;
            int labelStart = 0;
            bool lastLabelHasLetter = false;
            for (int i = 0; i <= value.Length; i++)
            {
                if (i == value.Length || value[i] == '.')
                {
                    int length = i - labelStart;
                    if (length == 0 || length > 63 || value[labelStart] == '-' || value[i - 1] == '-')
                    {
                        return false;
                    }

                    labels++;
                    labelStart = i + 1;
                    continue;
                }

                char c = value[i];
                bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                if (!letter && c != '-' && (c < '0' || c > '9'))
                {
                    return false;
                }

                if (i == labelStart)
                {
                    lastLabelHasLetter = false;
                }

                lastLabelHasLetter |= letter;
            }

            return labels >= 2 && lastLabelHasLetter;
        }

        /// <summary>
        /// The endpoint host in <paramref name="value"/>: a DNS name as it is, or the host of an https URL with
        /// no path ("https://host" or "https://host/"); null for anything else.
        /// </summary>
        public static string EndpointHostOf(string value)
        {
            if (IsDnsName(value))
            {
                return value;
            }

            if (!AsciiText.StartsWith(value, Https, true))
            {
                return null;
            }

            string host = value.Substring(Https.Length);
            if (host.Length > 0 && host[host.Length - 1] == '/')
            {
                host = host.Substring(0, host.Length - 1);
            }

            return IsDnsName(host) ? host : null;
        }

        /// <summary>True for an https URL with a DNS host and a path, such as the root CA URL.</summary>
        public static bool IsHttpsUrlWithPath(string value)
        {
            if (!AsciiText.StartsWith(value, Https, true))
            {
                return false;
            }

            int slash = value.IndexOf('/', Https.Length);
            if (slash < 0 || slash == value.Length - 1)
            {
                return false;
            }

            for (int i = slash; i < value.Length; i++)
            {
                if (value[i] <= ' ' || value[i] >= 0x7F)
                {
                    return false;
                }
            }

            return IsDnsName(value.Substring(Https.Length, slash - Https.Length));
        }
    }
}
