using System.Globalization;

namespace CellularIot.CloudSim;

/// <summary>One entry of the simulated cloud's event log.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="ConnectionId">The connection it belongs to (see <see cref="ConnectionStats.Id"/>), 0 for none.</param>
/// <param name="Kind">What happened.</param>
/// <param name="ClientId">The MQTT client ID or ICCID involved, when known.</param>
/// <param name="Message">A sentence saying what and why; never a whole token.</param>
public sealed record CloudEvent(DateTimeOffset Time, long ConnectionId, CloudEventKind Kind, string? ClientId, string Message)
{
    /// <inheritdoc/>
    public override string ToString()
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{Time:HH:mm:ss.fff} #{ConnectionId} {Kind}{(ClientId is null ? string.Empty : " [" + ClientId + "]")} {Message}");
}
