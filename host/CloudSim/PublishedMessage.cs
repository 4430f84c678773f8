using System.Text;

namespace CellularIot.CloudSim;

/// <summary>
/// A message the simulated IoT Core accepted for routing (after the policy and limits), over MQTT or HTTPS: what a
/// cloud application subscribed to its topic would receive, for runners and tests that check what arrived.
/// </summary>
/// <param name="Time">When the broker accepted it.</param>
/// <param name="ClientId">The publisher's client ID (the ICCID).</param>
/// <param name="Topic">The topic it was published to.</param>
/// <param name="Payload">Its payload bytes.</param>
/// <param name="Qos">Its QoS (0 or 1).</param>
/// <param name="Duplicate">Whether the publisher marked it a retransmission (MQTT DUP flag).</param>
/// <param name="ViaHttps">Whether it came through HTTPS <c>POST /topics/...</c> rather than an MQTT connection.</param>
public sealed record PublishedMessage(DateTimeOffset Time, string ClientId, string Topic, ReadOnlyMemory<byte> Payload, int Qos, bool Duplicate, bool ViaHttps)
{
    /// <summary>The payload decoded as UTF-8 (invalid bytes become U+FFFD).</summary>
    public string PayloadText => Encoding.UTF8.GetString(Payload.Span);
}
