namespace CellularIot.ModemSim.Core;

/// <summary>One SSL context (AT+CSSLCFG, or Quectel's AT+QSSLCFG): TLS version, SNI, ALPN and Quectel's CA and verification level.</summary>
internal sealed class SslContextConfig
{
    /// <summary>The "sslversion" value: 3 is TLS 1.2; anything else lets the host pick (TLS 1.2 or 1.3).</summary>
    public int Version { get; set; } = 4;

    /// <summary>The SNI host name; null sends none.</summary>
    public string? Sni { get; set; }

    /// <summary>The ALPN protocols (ALPN profile only); empty offers none.</summary>
    public IReadOnlyList<string> Alpn { get; set; } = [];

    /// <summary>The ALPN value as configured, for the read-back.</summary>
    public string AlpnText { get; set; } = string.Empty;

    /// <summary>Quectel's "seclevel": 0 no verification, 1 the server verified, 2 both sides.</summary>
    public int SecLevel { get; set; }

    /// <summary>Quectel's "cacert": the CA file the server is verified with; null when none was named.</summary>
    public string? CaCert { get; set; }

    /// <summary>Quectel's "sni": whether the host of AT+QSSLOPEN goes out as SNI (off until switched on).</summary>
    public bool SniOn { get; set; }
}
