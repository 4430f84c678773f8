using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace CellularIot.ModemSim.Net;

/// <summary>How a socket's TLS handshake goes: what it offers and what it trusts, fixed when CAOPEN is accepted.</summary>
/// <param name="HostName">The name the certificate must carry: the host the firmware named in CAOPEN.</param>
/// <param name="Sni">The SNI to send; null sends none.</param>
/// <param name="Alpn">The ALPN protocols to offer; empty offers none.</param>
/// <param name="Protocols">The TLS versions allowed.</param>
/// <param name="Trust">The converted CA certificates; null when the socket names no usable CA file.</param>
/// <param name="VerificationTime">The module's clock, which certificate validity is checked against.</param>
internal sealed record TlsPlan(
    string HostName,
    string? Sni,
    IReadOnlyList<string> Alpn,
    SslProtocols Protocols,
    X509Certificate2Collection? Trust,
    DateTimeOffset VerificationTime);
