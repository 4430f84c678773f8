using System.Text;
using CellularIot.Cloud.Topics;

namespace CellularIot.Fuzz.Targets;

/// <summary>
/// The topic rules on any ICCID, topic, filter and payload length: the constructor declares only
/// <see cref="ArgumentException"/>, every check only <see cref="TopicRuleException"/>, and a topic they accept is
/// under the SIM's prefix, within AWS IoT Core's limits and free of wildcards and U+0000.
/// </summary>
public sealed class TopicRulesTarget : IFuzzTarget
{
    // Throws on a lone surrogate: an accepted topic must be well-formed text.
    private static readonly UTF8Encoding Strict = new(false, true);

    /// <inheritdoc/>
    public string Name => "topic-rules";

    /// <inheritdoc/>
    public string Description => "TopicRules: ICCID, Topic, CheckPublish, CheckFilter, CheckSubscribe";

    /// <inheritdoc/>
    public IEnumerable<byte[]> Seeds()
    {
        yield return [19, .. "8988228066612345678"u8, 0, .. "telemetry"u8];
        yield return [19, .. "8988228066612345678"u8, 1, .. "8988228066612345678/commands/#"u8];
        yield return [19, .. "8988228066612345678"u8, 2, .. "8988228066612345678/a/b/c/d/e/f/g"u8];
        yield return [19, .. "8988228066612345678"u8, 3, .. "commands/+/x"u8];
        yield return [3, .. "a/b"u8, 0, .. "x"u8];
    }

    /// <inheritdoc/>
    public void Run(byte[] data)
    {
        var input = new FuzzInput(data);
        string iccid = FuzzInput.ToText(input.Take(input.Byte()));
        int kind = input.Below(4);
        string text = input.RestAsText();
        TopicRules rules;
        try
        {
            rules = new TopicRules(iccid);
        }
        catch (ArgumentException)
        {
            return;
        }

        try
        {
            switch (kind)
            {
                case 0:
                    Accepted(rules, rules.Topic(text));
                    break;
                case 1:
                    rules.CheckPublish(text, text.Length * 97);
                    Accepted(rules, text);
                    break;
                case 2:
                    rules.CheckFilter(text);
                    FuzzFindingException.Check(text.StartsWith(iccid + "/", StringComparison.Ordinal), "a filter outside the SIM's prefix: " + text);
                    break;
                default:
                    string[] filters = text.Split('\n');
                    rules.CheckSubscribe(filters);
                    FuzzFindingException.Check(filters.Length <= TopicRules.MaxFiltersPerSubscribe, "too many filters passed");
                    break;
            }
        }
        catch (TopicRuleException)
        {
            // Declared by every check.
        }
    }

    private static void Accepted(TopicRules rules, string topic)
    {
        FuzzFindingException.Check(topic.StartsWith(rules.Iccid + "/", StringComparison.Ordinal), "a topic outside the SIM's prefix: " + topic);
        FuzzFindingException.Check(Strict.GetByteCount(topic) <= TopicRules.MaxTopicBytes, "a topic over 256 bytes");
        FuzzFindingException.Check(topic.Count(c => c == '/') <= TopicRules.MaxSlashes, "a topic with too many slashes");
        FuzzFindingException.Check(topic.IndexOfAny(['+', '#', '\0']) < 0, "a topic with a wildcard or U+0000");
    }
}
