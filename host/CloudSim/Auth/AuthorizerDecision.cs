namespace CellularIot.CloudSim.Auth;

/// <summary>The custom authorizer's answer: allowed with the principal's ICCID and token expiry, or refused with a reason.</summary>
internal sealed record AuthorizerDecision(bool Allowed, string Reason, string? Iccid, DateTimeOffset Expires)
{
    public static AuthorizerDecision Deny(string reason) => new(false, reason, null, default);
}
