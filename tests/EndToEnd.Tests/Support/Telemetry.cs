using System.Text.Json;
using CellularIot.CloudSim;

namespace CellularIot.EndToEnd.Tests.Support;

/// <summary>The telemetry messages the cloud received, parsed: each must be a JSON array of readings with a "seq".</summary>
internal static class Telemetry
{
    /// <summary>The sequence numbers of each message, in the order the cloud received the messages.</summary>
    /// <exception cref="JsonException">A payload is not JSON.</exception>
    /// <exception cref="InvalidOperationException">A payload is not an array of objects with a numeric "seq" and "up".</exception>
    public static IReadOnlyList<long[]> SequencesOf(IEnumerable<PublishedMessage> messages) =>
        [.. messages.Select(m => Parse(m.PayloadText))];

    /// <summary>Every sequence number in arrival order, duplicates (QoS 1 redeliveries) included.</summary>
    public static IReadOnlyList<long> Flatten(IReadOnlyList<long[]> messages) => [.. messages.SelectMany(s => s)];

    /// <summary>The sequence numbers in the order they first arrived (a redelivery of one already seen is left out).</summary>
    public static IReadOnlyList<long> FirstArrivals(IReadOnlyList<long[]> messages)
    {
        var seen = new HashSet<long>();
        return [.. Flatten(messages).Where(seen.Add)];
    }

    private static long[] Parse(string payload)
    {
        using JsonDocument json = JsonDocument.Parse(payload);
        if (json.RootElement.ValueKind != JsonValueKind.Array || json.RootElement.GetArrayLength() == 0)
        {
            throw new InvalidOperationException("telemetry is not a non-empty JSON array: " + payload);
        }

        return [.. json.RootElement.EnumerateArray().Select(reading =>
        {
            if (reading.ValueKind != JsonValueKind.Object
                || !reading.TryGetProperty("seq", out JsonElement seq) || seq.ValueKind != JsonValueKind.Number
                || !reading.TryGetProperty("up", out JsonElement up) || up.ValueKind != JsonValueKind.Number)
            {
                throw new InvalidOperationException("a reading without a numeric seq and up: " + payload);
            }

            return seq.GetInt64();
        })];
    }
}
