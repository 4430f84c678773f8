namespace CellularIot.Runner;

/// <summary>Bytes the modem moved at TCP level (TLS records and handshakes included) up to one moment.</summary>
/// <param name="Sent">Bytes written to TCP.</param>
/// <param name="Received">Bytes read from TCP.</param>
public readonly record struct TrafficSnapshot(long Sent, long Received)
{
    /// <summary>Both directions together.</summary>
    public long Total => Sent + Received;

    /// <summary>What was moved between <paramref name="earlier"/> and <paramref name="later"/>.</summary>
    public static TrafficSnapshot operator -(TrafficSnapshot later, TrafficSnapshot earlier) =>
        new(later.Sent - earlier.Sent, later.Received - earlier.Received);

    /// <summary>The same as the minus operator.</summary>
    public static TrafficSnapshot Subtract(TrafficSnapshot later, TrafficSnapshot earlier) => later - earlier;
}
