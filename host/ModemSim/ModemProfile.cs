namespace CellularIot.ModemSim;

/// <summary>
/// The firmware variant the simulated module plays. Field logs show SIM7080G firmware that differ in small ways
/// (see the dialect's variants); a driver must cope with each, so each is a switch here.
/// </summary>
public sealed record ModemProfile
{
    /// <summary>The standard firmware: no ALPN, CASEND answers OK, CARECV omits the cid.</summary>
    public static ModemProfile Standard { get; } = new();

    /// <summary>A firmware that accepts <c>AT+CSSLCFG="alpn",&lt;ctx&gt;,"&lt;proto&gt;"</c> and sends ALPN.</summary>
    public static ModemProfile Alpn { get; } = new() { SupportsAlpn = true };

    /// <summary>Whether <c>AT+CSSLCFG="alpn"</c> is accepted (and read back) and ALPN is offered in the handshake.</summary>
    public bool SupportsAlpn { get; init; }

    /// <summary>Whether CASEND answers <c>OK</c> followed by the URC <c>+CASEND: &lt;cid&gt;,0,&lt;len&gt;</c> (sent as the bytes go to TCP).</summary>
    public bool SendResultUrc { get; init; }

    /// <summary>Whether CARECV answers <c>+CARECV: &lt;cid&gt;,&lt;len&gt;,...</c> (the manual's form) instead of <c>+CARECV: &lt;len&gt;,...</c>.</summary>
    public bool ReceiveReportsCid { get; init; }

    /// <summary>The bytes CASEND prompts with before the raw data; the module sends "\r\n&gt; ", some logs show a bare "&gt;".</summary>
    public string SendPrompt { get; init; } = "\r\n> ";
}
