namespace CellularIot.ModemSim.Core;

/// <summary>One socket's TLS settings (AT+CASSLCFG).</summary>
internal sealed class SocketConfig
{
    public bool Ssl { get; set; }

    /// <summary>The converted CA file the server is validated with; null when none was named.</summary>
    public string? CaCert { get; set; }

    /// <summary>The SSL context (AT+CSSLCFG) this socket uses; null means the default.</summary>
    public int? ContextIndex { get; set; }
}
