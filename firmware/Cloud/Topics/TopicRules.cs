namespace CellularIot.Cloud.Topics
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// The one place that decides which topics, filters and payloads the device may send. The 1NCE policy
    /// lets the device publish, receive and subscribe only under <c>&lt;ICCID&gt;/</c>, and AWS IoT Core closes
    /// the connection on anything the policy or its limits refuse, so each rule is checked here first and a
    /// breach becomes a <see cref="TopicRuleException"/> that names the rule. The checks allocate nothing when
    /// the input is good, so the steady-state publish path stays allocation-free.
    /// </summary>
    public class TopicRules
    {
        /// <summary>Longest topic or filter in UTF-8 bytes (AWS IoT Core).</summary>
        public const int MaxTopicBytes = 256;

        /// <summary>Most slashes in a topic or filter (AWS IoT Core).</summary>
        public const int MaxSlashes = 7;

        /// <summary>Largest payload in bytes: 128 KB (AWS IoT Core).</summary>
        public const int MaxPayloadBytes = 128 * 1024;

        /// <summary>Most filters in one SUBSCRIBE (AWS IoT Core).</summary>
        public const int MaxFiltersPerSubscribe = 8;

        // Offending text is quoted in messages, cut to this many chars so an over-long topic stays readable.
        private const int QuotedChars = 80;

        // U+0000, which MQTT forbids in topics. Written as a number: a nanoFramework string cannot hold it, so
        // only the PC build can meet it, but the same rules hold there.
        private const char Nul = (char)0;

        // Characters an ICCID cannot hold: it is exactly one topic level.
        private static readonly char[] NotInIccid = new char[] { '/', '+', '#', Nul };

        /// <summary>Creates the rules for the SIM whose ICCID is the MQTT client ID and the root of every topic.</summary>
        /// <exception cref="ArgumentException">The ICCID is empty, has a slash, a wildcard or U+0000, or is not well-formed.</exception>
        public TopicRules(string iccid)
        {
            if (iccid == null)
            {
                throw new ArgumentNullException(nameof(iccid));
            }

            if (iccid.Length == 0 || iccid.IndexOfAny(NotInIccid) >= 0)
            {
                throw new ArgumentException("an ICCID is one non-empty topic level without '/', '+', '#' or U+0000", nameof(iccid));
            }

            Iccid = iccid;
            try
            {
                IccidBytes = Utf8.GetByteCount(iccid);
            }
            catch (Utf8Exception ex)
            {
                throw new ArgumentException("the ICCID is not well-formed text", nameof(iccid), ex);
            }
        }

        /// <summary>The SIM's ICCID: the first level of every topic.</summary>
        public string Iccid { get; }

        /// <summary>Length of the ICCID in UTF-8 bytes.</summary>
        public int IccidBytes { get; }

        /// <summary>The topic <c>&lt;ICCID&gt;/<paramref name="rest"/></c>, checked as a topic name.</summary>
        /// <exception cref="TopicRuleException">The result breaks a rule.</exception>
        public string Topic(string rest)
        {
            string topic = Iccid + "/" + rest;
            CheckTopic(topic);
            return topic;
        }

        /// <summary>Checks a topic to publish to and the size of its payload.</summary>
        /// <exception cref="TopicRuleException">A rule is broken; the message names it.</exception>
        public void CheckPublish(string topic, int payloadLength)
        {
            CheckTopic(topic);
            CheckPayload(payloadLength);
        }

        /// <summary>Checks a topic name: under the ICCID, no wildcards, within the length and slash limits.</summary>
        /// <exception cref="TopicRuleException">A rule is broken; the message names it.</exception>
        public void CheckTopic(string topic)
        {
            CheckCommon(topic, "topic");
            for (int i = Iccid.Length + 1; i < topic.Length; i++)
            {
                char c = topic[i];
                if (c == '+' || c == '#')
                {
                    throw Broken(TopicRule.NoWildcardInTopic, "no wildcard in a topic name", "topic " + Quote(topic) + " holds '" + c + "' at index " + i + "; wildcards belong only in subscribe filters");
                }
            }
        }

        /// <summary>Checks one subscribe filter: under the ICCID, wildcards as whole levels, '#' last.</summary>
        /// <exception cref="TopicRuleException">A rule is broken; the message names it.</exception>
        public void CheckFilter(string filter)
        {
            CheckCommon(filter, "filter");
            int levelStart = Iccid.Length + 1;
            for (int i = levelStart; i <= filter.Length; i++)
            {
                if (i < filter.Length && filter[i] != '/')
                {
                    continue;
                }

                // [levelStart, i) is one level.
                for (int k = levelStart; k < i; k++)
                {
                    char c = filter[k];
                    if ((c == '+' || c == '#') && i - levelStart != 1)
                    {
                        throw Broken(TopicRule.WildcardWholeLevel, "a wildcard fills a whole level", "filter " + Quote(filter) + " has '" + c + "' inside a level at index " + k);
                    }

                    if (c == '#' && i != filter.Length)
                    {
                        throw Broken(TopicRule.MultiLevelWildcardLast, "'#' only as the last level", "filter " + Quote(filter) + " has levels after '#'");
                    }
                }

                levelStart = i + 1;
            }
        }

        /// <summary>Checks the filters of one SUBSCRIBE: 1 to <see cref="MaxFiltersPerSubscribe"/>, each a good filter.</summary>
        /// <exception cref="TopicRuleException">A rule is broken; the message names it.</exception>
        public void CheckSubscribe(string[] filters)
        {
            if (filters == null)
            {
                throw new ArgumentNullException(nameof(filters));
            }

            if (filters.Length == 0 || filters.Length > MaxFiltersPerSubscribe)
            {
                throw Broken(TopicRule.FiltersPerSubscribe, "1 to " + MaxFiltersPerSubscribe + " filters per SUBSCRIBE", filters.Length + " filters given");
            }

            for (int i = 0; i < filters.Length; i++)
            {
                CheckFilter(filters[i]);
            }
        }

        /// <summary>Checks a payload size against AWS IoT Core's 128 KB.</summary>
        /// <exception cref="TopicRuleException">The payload is larger.</exception>
        public static void CheckPayload(int length)
        {
            if (length < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "a payload length is not negative");
            }

            if (length > MaxPayloadBytes)
            {
                throw Broken(TopicRule.PayloadSize, "payload of at most " + MaxPayloadBytes + " bytes", "payload of " + length + " bytes");
            }
        }

        // Rules shared by topics and filters: well-formed, the ICCID prefix, the byte and slash limits.
        private void CheckCommon(string text, string kind)
        {
            if (text == null)
            {
                throw new ArgumentNullException(kind);
            }

            if (text.Length == 0)
            {
                throw Broken(TopicRule.WellFormed, "well-formed text", "the " + kind + " is empty");
            }

            int bytes;
            try
            {
                bytes = Utf8.GetByteCount(text);
            }
            catch (Utf8Exception ex)
            {
                throw Broken(TopicRule.WellFormed, "well-formed text", "the " + kind + " " + Quote(text) + " is not valid UTF-16: " + ex.Message);
            }

            if (!StartsWithIccidAndSlash(text))
            {
                throw Broken(TopicRule.IccidPrefix, "starts with '" + Iccid + "/'", "the " + kind + " " + Quote(text) + " does not start with the exact ICCID and a slash, which the 1NCE policy requires");
            }

            if (bytes > MaxTopicBytes)
            {
                throw Broken(TopicRule.TopicLength, "at most " + MaxTopicBytes + " bytes", "the " + kind + " " + Quote(text) + " is " + bytes + " bytes of UTF-8");
            }

            int slashes = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == Nul)
                {
                    throw Broken(TopicRule.WellFormed, "well-formed text", "the " + kind + " " + Quote(text) + " holds U+0000 at index " + i);
                }

                if (c == '/')
                {
                    slashes++;
                }
            }

            if (slashes > MaxSlashes)
            {
                throw Broken(TopicRule.SlashCount, "at most " + MaxSlashes + " slashes", "the " + kind + " " + Quote(text) + " has " + slashes);
            }
        }

        private bool StartsWithIccidAndSlash(string text)
        {
            int n = Iccid.Length;
            if (text.Length <= n || text[n] != '/')
            {
                return false;
            }

            for (int i = 0; i < n; i++)
            {
                if (text[i] != Iccid[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static TopicRuleException Broken(TopicRule rule, string ruleText, string detail)
        {
            return new TopicRuleException(rule, "topic rule broken (" + ruleText + "): " + detail);
        }

        private static string Quote(string text)
        {
            if (text.Length <= QuotedChars)
            {
                return "'" + text + "'";
            }

            return "'" + text.Substring(0, QuotedChars) + "…' (" + text.Length + " chars)";
        }
    }
}
