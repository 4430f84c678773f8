namespace CellularIot.Cloud.Token
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Net.Http;
    using CellularIot.Text;

    /// <summary>
    /// The onboarding username, read as AWS IoT custom authentication expects:
    /// "anything?x-amz-customauthorizer-name=NAME&amp;x-amz-customauthorizer-signature=SIG&amp;KEY=TOKEN".
    /// <para>
    /// <see cref="MqttUsername"/> is the username byte for byte, except when it arrives percent-encoded as a
    /// whole (a "%3F" and no literal '?'): then it is decoded exactly once. Never twice: a second decode would
    /// turn the signature's "%2B" into '+' and break it. The query values are decoded (once, from the MQTT
    /// form) only for the WebSocket headers, as 1NCE's own sample does.
    /// </para>
    /// </summary>
    public class CustomAuthUsername
    {
        /// <summary>The query key of the authorizer name.</summary>
        public const string AuthorizerNameKey = "x-amz-customauthorizer-name";

        /// <summary>The query key of the token signature.</summary>
        public const string SignatureKey = "x-amz-customauthorizer-signature";

        /// <summary>The token key name 1NCE's authorizer uses.</summary>
        public const string DefaultTokenKeyName = "token";

        private const int MaxMqttStringBytes = 65535;

        private readonly string mqttUsername;
        private readonly bool wasPercentEncoded;
        private readonly string authorizerName;
        private readonly string signature;
        private readonly string tokenKeyName;
        private readonly string token;
        private readonly string httpsQuery;

        private CustomAuthUsername(string mqttUsername, bool wasPercentEncoded, string[] parts, string httpsQuery)
        {
            this.mqttUsername = mqttUsername;
            this.wasPercentEncoded = wasPercentEncoded;
            authorizerName = parts[0];
            signature = parts[1];
            tokenKeyName = parts[2];
            token = parts[3];
            this.httpsQuery = httpsQuery;
        }

        /// <summary>The MQTT CONNECT username.</summary>
        public string MqttUsername
        {
            get { return mqttUsername; }
        }

        /// <summary>True when the username arrived percent-encoded as a whole and was decoded once.</summary>
        public bool WasPercentEncoded
        {
            get { return wasPercentEncoded; }
        }

        /// <summary>The authorizer name, decoded (header x-amz-customauthorizer-name).</summary>
        public string AuthorizerName
        {
            get { return authorizerName; }
        }

        /// <summary>The token signature, decoded to plain base64 (header x-amz-customauthorizer-signature).</summary>
        public string Signature
        {
            get { return signature; }
        }

        /// <summary>The query key that carries the token ("token" for 1NCE).</summary>
        public string TokenKeyName
        {
            get { return tokenKeyName; }
        }

        /// <summary>The token (a JWT), decoded. A credential: log it only through Redact.Secret.</summary>
        public string Token
        {
            get { return token; }
        }

        /// <summary>
        /// The query of an HTTPS publish: everything of <see cref="MqttUsername"/> from
        /// "x-amz-customauthorizer-name" on, to append to "/topics/&lt;topic&gt;?qos=1&amp;".
        /// </summary>
        public string HttpsQuery
        {
            get { return httpsQuery; }
        }

        /// <summary>Reads <paramref name="username"/> as returned by onboarding.</summary>
        /// <exception cref="FormatException">
        /// No query part, a missing authorizer parameter, bad percent-encoding, text that is not well-formed, a
        /// parameter that cannot travel as an HTTP header (an empty or non-token key, a value with a control,
        /// space or non-ASCII character), or longer than MQTT allows. Nothing else escapes, whatever the text.
        /// </exception>
        public static CustomAuthUsername Parse(string username)
        {
            if (username == null)
            {
                throw new ArgumentNullException(nameof(username));
            }

            // Everything below may meet any text the onboarding server sent: each failure is a FormatException.
            int usernameBytes;
            try
            {
                usernameBytes = Utf8.GetByteCount(username);
            }
            catch (Utf8Exception e)
            {
                throw new FormatException("username is not well-formed text: " + e.Message, e);
            }

            string mqtt = username;
            bool decoded = false;
            if (username.IndexOf('?') < 0 && AsciiText.IndexOf(username, "%3F", 0, true) >= 0)
            {
                mqtt = PercentEncoding.Decode(username);
                decoded = true;
            }

            if ((decoded ? Utf8.GetByteCount(mqtt) : usernameBytes) > MaxMqttStringBytes)
            {
                throw new FormatException("username longer than the " + MaxMqttStringBytes + " bytes an MQTT string holds");
            }

            int question = mqtt.IndexOf('?');
            if (question < 0)
            {
                throw new FormatException("username has no '?' before the authorizer parameters");
            }

            string[] parts = ReadQuery(mqtt.Substring(question + 1));
            int marker = AsciiText.IndexOf(mqtt, AuthorizerNameKey, question + 1, true);
            return new CustomAuthUsername(mqtt, decoded, parts, mqtt.Substring(marker >= 0 ? marker : question + 1));
        }

        /// <summary>Adds the three custom-authorizer headers of a WebSocket upgrade, with decoded values.</summary>
        public void AddWebSocketHeaders(HttpHeaders headers)
        {
            if (headers == null)
            {
                throw new ArgumentNullException(nameof(headers));
            }

            headers.Add(AuthorizerNameKey, authorizerName);
            headers.Add(SignatureKey, signature);
            headers.Add(tokenKeyName, token);
        }

        // Name, signature, token key and token. The token is the "token" parameter when there is one,
        // otherwise the first parameter that is neither name nor signature (extra parameters are allowed).
        private static string[] ReadQuery(string query)
        {
            string name = null;
            string sig = null;
            string tokenKey = null;
            string tokenValue = null;
            string[] pairs = query.Split('&');
            for (int i = 0; i < pairs.Length; i++)
            {
                string pair = pairs[i];
                if (pair.Length == 0)
                {
                    continue;
                }

                int equals = pair.IndexOf('=');
                string key = PercentEncoding.Decode(equals < 0 ? pair : pair.Substring(0, equals));
                string value = equals < 0 ? string.Empty : PercentEncoding.Decode(pair.Substring(equals + 1));
                if (AsciiText.EqualsIgnoreCase(key, AuthorizerNameKey))
                {
                    name = value;
                }
                else if (AsciiText.EqualsIgnoreCase(key, SignatureKey))
                {
                    sig = value;
                }
                else if (key == DefaultTokenKeyName || tokenKey == null)
                {
                    if (tokenKey != DefaultTokenKeyName)
                    {
                        tokenKey = key;
                        tokenValue = value;
                    }
                }
            }

            Require(name, AuthorizerNameKey);
            Require(sig, SignatureKey);
            Require(tokenValue, "token");

            // Over WebSocket the three travel as upgrade headers: refused here, where the login enters, rather
            // than when every connection's upgrade request is written.
            RequireHeader(HttpFieldRules.NameProblem(tokenKey));
            RequireHeader(HttpFieldRules.ValueProblem(name, AuthorizerNameKey, false));
            RequireHeader(HttpFieldRules.ValueProblem(sig, SignatureKey, false));
            RequireHeader(HttpFieldRules.ValueProblem(tokenValue, tokenKey, false));
            return new string[] { name, sig, tokenKey, tokenValue };
        }

        private static void RequireHeader(string problem)
        {
            if (problem != null)
            {
                throw new FormatException("username cannot be sent as upgrade headers: " + problem);
            }
        }

        private static void Require(string value, string what)
        {
            if (value == null || value.Length == 0)
            {
                throw new FormatException("username lacks " + what);
            }
        }
    }
}
