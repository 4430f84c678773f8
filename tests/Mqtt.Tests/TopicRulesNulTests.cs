using CellularIot.Cloud.Topics;
using Xunit;

namespace CellularIot.Mqtt.Tests;

/// <summary>
/// Host only: a nanoFramework string cannot hold U+0000, so a topic with one can only be built on the PC, where
/// the same firmware runs and MQTT's ban on U+0000 in topic names must still hold.
/// </summary>
public sealed class TopicRulesNulTests
{
    private const string Iccid = "8988228066612345678";

    [Fact]
    public void RefusesATopicHoldingU0000()
    {
        var rules = new TopicRules(Iccid);
        var error = Assert.Throws<TopicRuleException>(() => rules.CheckTopic(Iccid + "/a\0b"));
        Assert.Equal(TopicRule.WellFormed, error.Rule);
        Assert.Contains("U+0000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnIccidHoldingU0000()
    {
        Assert.Throws<ArgumentException>(() => new TopicRules("898822806661234\0"));
    }
}
