namespace CellularIot.Cloud.Topics
{
    /// <summary>
    /// The rule a topic, filter or payload broke. Each one comes from the 1NCE IoT Core policy (everything
    /// under <c>&lt;ICCID&gt;/</c>), AWS IoT Core's limits, or MQTT 3.1.1 itself; a broken rule found on the
    /// broker costs the whole connection, so the device refuses the message before sending anything.
    /// </summary>
    public enum TopicRule
    {
        /// <summary>Every topic and filter starts with the exact ICCID and a slash: the policy allows nothing else.</summary>
        IccidPrefix = 1,

        /// <summary>A topic name (what is published to) holds no <c>+</c> or <c>#</c>.</summary>
        NoWildcardInTopic = 2,

        /// <summary>In a filter, <c>+</c> and <c>#</c> fill a whole level, never part of one.</summary>
        WildcardWholeLevel = 3,

        /// <summary>In a filter, <c>#</c> is the last level.</summary>
        MultiLevelWildcardLast = 4,

        /// <summary>At most 256 bytes of UTF-8 (AWS IoT Core).</summary>
        TopicLength = 5,

        /// <summary>At most 7 slashes (AWS IoT Core).</summary>
        SlashCount = 6,

        /// <summary>A payload of at most 128 KB (AWS IoT Core).</summary>
        PayloadSize = 7,

        /// <summary>One to 8 filters in one SUBSCRIBE (AWS IoT Core; MQTT needs at least one).</summary>
        FiltersPerSubscribe = 8,

        /// <summary>Well-formed text: not empty, no U+0000, no unpaired surrogate (MQTT 3.1.1 section 1.5.3).</summary>
        WellFormed = 9,
    }
}
