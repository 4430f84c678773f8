using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace CellularIot.TestSupport;

/// <summary>
/// The server side of a test TLS handshake standing in for a cloud endpoint: it records the SNI the client sent,
/// refuses the handshake when a required SNI is missing or different, and offers ALPN mqtt and http/1.1.
/// </summary>
public static class SniGate
{
    /// <summary>
    /// Server options serving <paramref name="certificate"/>; <paramref name="sniSeen"/> gets the SNI (empty when none)
    /// before the check. A null <paramref name="requiredSni"/> accepts any SNI or none.
    /// </summary>
    public static ServerOptionsSelectionCallback Options(X509Certificate2 certificate, string? requiredSni, Action<string> sniSeen)
    {
        ArgumentNullException.ThrowIfNull(sniSeen);
        return (_, hello, _, _) =>
        {
            string sni = hello.ServerName ?? string.Empty;
            sniSeen(sni);
            if (requiredSni is not null && !string.Equals(sni, requiredSni, StringComparison.OrdinalIgnoreCase))
            {
                throw new AuthenticationException("Wrong or missing SNI: '" + sni + "'.");
            }

            return ValueTask.FromResult(new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                ApplicationProtocols = [new SslApplicationProtocol("mqtt"), SslApplicationProtocol.Http11],
            });
        };
    }
}
