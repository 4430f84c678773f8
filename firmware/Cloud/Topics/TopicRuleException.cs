namespace CellularIot.Cloud.Topics
{
    using System;

    /// <summary>A topic, filter or payload that breaks a rule; nothing was sent.</summary>
    public class TopicRuleException : Exception
    {
        /// <summary>Creates the error for <paramref name="rule"/>; the message names the rule and the offending text.</summary>
        public TopicRuleException(TopicRule rule, string message)
            : base(message)
        {
            Rule = rule;
        }

        /// <summary>The rule that was broken.</summary>
        public TopicRule Rule { get; }
    }
}
