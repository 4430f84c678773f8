using CellularIot.Bytes;
using CellularIot.Cloud.Topics;
using Xunit;

namespace CellularIot.Mqtt.Tests;

/// <summary>
/// Host only: a nanoFramework string cannot hold U+0000 nor UTF-16 surrogates (seen on nanoCLR: a surrogate
/// pair or a lone surrogate does not survive in a string), so these texts can only be built on the PC, where the
/// same firmware runs and must still treat them right.
/// </summary>
public sealed class HostOnlyStringTests
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

    [Fact]
    public void RefusesATopicThatIsNotValidUtf16()
    {
        var rules = new TopicRules(Iccid);
        var error = Assert.Throws<TopicRuleException>(() => rules.CheckTopic(Iccid + "/a\uD800"));
        Assert.Equal(TopicRule.WellFormed, error.Rule);
        Assert.Contains("not valid UTF-16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8EncodesASurrogatePairAsFourBytesAndBack()
    {
        byte[] bytes = Utf8.GetBytes("A\uD83D\uDE00");
        Assert.Equal([0x41, 0xF0, 0x9F, 0x98, 0x80], bytes);
        Assert.Equal("A\uD83D\uDE00", Utf8.Decode(bytes));
        Assert.Equal(3, Utf8.GetCharCount(bytes, 0, bytes.Length));
    }

    [Fact]
    public void Utf8RefusesUnpairedSurrogates()
    {
        Assert.Throws<Utf8Exception>(() => Utf8.GetBytes("a\uD83D"));
        Assert.Throws<Utf8Exception>(() => Utf8.GetBytes("\uDE00b"));
    }

    [Fact]
    public void JsonDecodesASurrogatePairEscape()
    {
        Assert.Equal("a\uD83D\uDE00", CellularIot.Text.JsonObject.Parse("{\"a\":\"a\\ud83d\\ude00\"}").GetString("a"));
    }
}
