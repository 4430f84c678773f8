using System.Text;

namespace CellularIot.CloudSim.Mqtt;

/// <summary>
/// The 1NCE JWT authorizer's policy (iot:Publish and iot:Receive on <c>topic/&lt;ICCID&gt;/*</c>, iot:Subscribe on
/// <c>topicfilter/&lt;ICCID&gt;/*</c>, no iot:RetainPublish) and AWS IoT's topic and payload limits.
/// Receiving needs no check of its own: every filter the policy allows lies under <c>&lt;ICCID&gt;/</c>, so every
/// message it matches does too.
/// </summary>
internal sealed class IotPolicy(SimulatedCloudOptions options)
{
    /// <summary>Null when <paramref name="iccid"/> may publish this message, else the refusal.</summary>
    public PolicyRefusal? CheckPublish(string iccid, string topic, long payloadBytes, bool retain)
    {
        if (retain)
        {
            return new(CloudEventKind.PolicyViolation, $"RETAIN publish to '{topic}' refused: the 1NCE policy grants no iot:RetainPublish");
        }

        PolicyRefusal? limits = CheckTopicLimits(topic, "topic");
        if (limits is not null)
        {
            return limits;
        }

        if (payloadBytes > options.MaxPayloadBytes)
        {
            return new(CloudEventKind.LimitExceeded, $"payload of {payloadBytes} bytes to '{topic}' exceeds {options.MaxPayloadBytes} bytes");
        }

        return topic.StartsWith(iccid + "/", StringComparison.Ordinal)
            ? null
            : new(CloudEventKind.PolicyViolation, $"publish to '{topic}' refused: the policy allows topic/{iccid}/* only");
    }

    /// <summary>Null when <paramref name="iccid"/> may subscribe to <paramref name="filter"/>, else the refusal.</summary>
    public PolicyRefusal? CheckSubscribe(string iccid, string filter)
    {
        PolicyRefusal? limits = CheckTopicLimits(filter, "topic filter");
        if (limits is not null)
        {
            return limits;
        }

        return filter.StartsWith(iccid + "/", StringComparison.Ordinal)
            ? null
            : new(CloudEventKind.PolicyViolation, $"subscribe to '{filter}' refused: the policy allows topicfilter/{iccid}/* only");
    }

    private PolicyRefusal? CheckTopicLimits(string topic, string what)
    {
        int bytes = Encoding.UTF8.GetByteCount(topic);
        if (bytes > options.MaxTopicBytes)
        {
            return new(CloudEventKind.LimitExceeded, $"{what} of {bytes} bytes exceeds {options.MaxTopicBytes} bytes");
        }

        int slashes = topic.Count(c => c == '/');
        return slashes > options.MaxTopicSlashes
            ? new(CloudEventKind.LimitExceeded, $"{what} '{topic}' has {slashes} slashes, more than {options.MaxTopicSlashes}")
            : null;
    }
}
