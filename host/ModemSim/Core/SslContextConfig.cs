namespace CellularIot.ModemSim.Core;

/// <summary>One SSL context (AT+CSSLCFG): TLS version, SNI and ALPN.</summary>
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
}
