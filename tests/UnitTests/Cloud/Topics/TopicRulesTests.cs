namespace CellularIot.Tests.Cloud.Topics
{
    using System;
    using CellularIot.Cloud.Topics;
    using nanoFramework.TestFramework;

    [TestClass]
    public class TopicRulesTests
    {
        private const string Iccid = "8988228066612345678";

        [TestMethod]
        [DataRow("8988228066612345678/a")]
        [DataRow("8988228066612345678/telemetry/temp")]
        [DataRow("8988228066612345678/a/b/c/d/e/f")]
        [DataRow("8988228066612345678/Grüße")]
        public void AcceptsGoodTopics(string topic)
        {
            new TopicRules(Iccid).CheckPublish(topic, 10);
        }

        [TestMethod]
        [DataRow("8988228066612345678/#")]
        [DataRow("8988228066612345678/+")]
        [DataRow("8988228066612345678/cmd/+/set")]
        [DataRow("8988228066612345678/cmd/#")]
        [DataRow("8988228066612345678/+/+/#")]
        [DataRow("8988228066612345678/plain")]
        public void AcceptsGoodFilters(string filter)
        {
            new TopicRules(Iccid).CheckFilter(filter);
        }

        [TestMethod]
        [DataRow("8988228066612345678X/a", "starts with '8988228066612345678/'")]
        [DataRow("8988228066612345678", "does not start with the exact ICCID and a slash")]
        [DataRow("/8988228066612345678/a", "does not start with the exact ICCID")]
        [DataRow("898822806661234567/a", "does not start with the exact ICCID")]
        [DataRow("other/a", "1NCE policy")]
        public void RefusesTopicsOutsideTheIccid(string topic, string message)
        {
            AssertBroken(TopicRule.IccidPrefix, message, () => new TopicRules(Iccid).CheckTopic(topic));
        }

        [TestMethod]
        [DataRow("#")]
        [DataRow("+/x")]
        [DataRow("+")]
        [DataRow("a/+b")]
        [DataRow("#/a")]
        public void RefusesFiltersOutsideTheIccid(string filter)
        {
            AssertBroken(TopicRule.IccidPrefix, "ICCID", () => new TopicRules(Iccid).CheckFilter(filter));
        }

        [TestMethod]
        [DataRow("8988228066612345678/a/+b", "inside a level")]
        [DataRow("8988228066612345678/a#", "inside a level")]
        [DataRow("8988228066612345678/+x/y", "inside a level")]
        public void RefusesPartLevelWildcards(string filter, string message)
        {
            AssertBroken(TopicRule.WildcardWholeLevel, message, () => new TopicRules(Iccid).CheckFilter(filter));
        }

        [TestMethod]
        public void RefusesLevelsAfterTheMultiLevelWildcard()
        {
            AssertBroken(TopicRule.MultiLevelWildcardLast, "levels after '#'", () => new TopicRules(Iccid).CheckFilter(Iccid + "/#/a"));
        }

        [TestMethod]
        [DataRow("8988228066612345678/+")]
        [DataRow("8988228066612345678/a/#")]
        [DataRow("8988228066612345678/a+")]
        public void RefusesWildcardsInATopicName(string topic)
        {
            AssertBroken(TopicRule.NoWildcardInTopic, "wildcards belong only in subscribe filters", () => new TopicRules(Iccid).CheckTopic(topic));
        }

        [TestMethod]
        public void RefusesAnOverLongTopicCountingUtf8Bytes()
        {
            var rules = new TopicRules(Iccid);

            // 20 bytes of prefix + 236 = 256 bytes: the limit.
            rules.CheckTopic(Iccid + "/" + new string('a', 236));
            AssertBroken(TopicRule.TopicLength, "is 257 bytes", () => rules.CheckTopic(Iccid + "/" + new string('a', 237)));

            // 119 two-byte characters: 20 + 238 = 258 bytes in 139 chars.
            AssertBroken(TopicRule.TopicLength, "is 258 bytes", () => rules.CheckFilter(Iccid + "/" + new string('ü', 119)));
        }

        [TestMethod]
        public void RefusesMoreThanSevenSlashes()
        {
            var rules = new TopicRules(Iccid);
            rules.CheckTopic(Iccid + "/a/b/c/d/e/f/g");
            AssertBroken(TopicRule.SlashCount, "has 8", () => rules.CheckTopic(Iccid + "/a/b/c/d/e/f/g/h"));
            AssertBroken(TopicRule.SlashCount, "has 8", () => rules.CheckFilter(Iccid + "/a/b/c/d/e/f/g/#"));
        }

        [TestMethod]
        public void RefusesNineFilters()
        {
            var rules = new TopicRules(Iccid);
            rules.CheckSubscribe(Filters(1));
            rules.CheckSubscribe(Filters(8));
            AssertBroken(TopicRule.FiltersPerSubscribe, "9 filters given", () => rules.CheckSubscribe(Filters(9)));
            AssertBroken(TopicRule.FiltersPerSubscribe, "0 filters given", () => rules.CheckSubscribe(Filters(0)));
        }

        [TestMethod]
        public void RefusesAPayloadOver128Kilobytes()
        {
            var rules = new TopicRules(Iccid);
            rules.CheckPublish(Iccid + "/a", 131072);
            AssertBroken(TopicRule.PayloadSize, "payload of 131073 bytes", () => rules.CheckPublish(Iccid + "/a", 131073));
        }

        [TestMethod]
        public void RefusesMalformedText()
        {
            var rules = new TopicRules(Iccid);
            AssertBroken(TopicRule.WellFormed, "empty", () => rules.CheckTopic(string.Empty));
        }

        [TestMethod]
        public void BuildsTopicsUnderTheIccid()
        {
            var rules = new TopicRules(Iccid);
            Assert.AreEqual(Iccid + "/telemetry", rules.Topic("telemetry"));
            AssertBroken(TopicRule.NoWildcardInTopic, "wildcard", () => rules.Topic("#"));
        }

        [TestMethod]
        public void RefusesAnIccidThatIsNotOneLevel()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => new TopicRules("89/88"));
            Assert.ThrowsException(typeof(ArgumentException), () => new TopicRules("89+"));
            Assert.ThrowsException(typeof(ArgumentException), () => new TopicRules(string.Empty));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new TopicRules(null));
        }

        [TestMethod]
        public void RefusesMissingTopicsFiltersAndNegativePayloadLengths()
        {
            var rules = new TopicRules(Iccid);
            Assert.ThrowsException(typeof(ArgumentNullException), () => rules.CheckPublish(null, 1));
            Assert.ThrowsException(typeof(ArgumentNullException), () => rules.CheckSubscribe(null));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => TopicRules.CheckPayload(-1));
            TopicRules.CheckPayload(0);
        }

        private static string[] Filters(int count)
        {
            string[] filters = new string[count];
            for (int i = 0; i < count; i++)
            {
                filters[i] = Iccid + "/f" + i;
            }

            return filters;
        }

        private static void AssertBroken(TopicRule rule, string message, Action action)
        {
            try
            {
                action();
            }
            catch (TopicRuleException ex)
            {
                Assert.AreEqual((int)rule, (int)ex.Rule, ex.Message);
                Assert.Contains(message, ex.Message);
                Assert.StartsWith("topic rule broken (", ex.Message);
                return;
            }

            Assert.IsTrue(false, "no TopicRuleException; expected rule " + (int)rule);
        }
    }
}
