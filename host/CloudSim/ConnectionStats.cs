using System.Net;

namespace CellularIot.CloudSim;

/// <summary>One connection as the simulated cloud saw it, with its TLS-level byte counts.</summary>
/// <param name="Id">The connection number events refer to.</param>
/// <param name="Service">Which server it reached.</param>
/// <param name="Remote">The client's address and port (the SIM's address for a modem).</param>
/// <param name="ServerName">The SNI the client sent, or null for none.</param>
/// <param name="Alpn">The negotiated ALPN protocol, or null for none.</param>
/// <param name="Protocol">What it carried.</param>
/// <param name="ClientId">The MQTT client ID or ICCID, once known.</param>
/// <param name="BytesIn">Bytes received on the TCP connection (TLS records included).</param>
/// <param name="BytesOut">Bytes sent on the TCP connection (TLS records included).</param>
/// <param name="Opened">When the TCP connection was accepted.</param>
/// <param name="Closed">When it was closed, or null while open.</param>
/// <param name="CloseReason">Why it was closed, or null while open.</param>
public sealed record ConnectionStats(
    long Id,
    CloudService Service,
    IPEndPoint Remote,
    string? ServerName,
    string? Alpn,
    ConnectionProtocol Protocol,
    string? ClientId,
    long BytesIn,
    long BytesOut,
    DateTimeOffset Opened,
    DateTimeOffset? Closed,
    string? CloseReason);
