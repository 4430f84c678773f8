namespace CellularIot.CloudSim.Auth;

/// <summary>The outcome of checking a JWT: valid with its iccid claim and expiry, or refused with a reason.</summary>
internal sealed record JwtCheck(bool Valid, string Reason, string? Iccid, DateTimeOffset Expires)
{
    public static JwtCheck Fail(string reason) => new(false, reason, null, default);
}
