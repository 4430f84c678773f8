using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CellularIot.CloudSim.Tls;

/// <summary>
/// Server validation as the device does it, for the PC clients of the simulated cloud: the name must match and the
/// chain must end at the cloud's root and only there. The intermediate the server sent completes the path without
/// being trusted for it.
/// </summary>
public static class DeviceTrust
{
    /// <summary>True when <paramref name="certificate"/>, with the certificates in <paramref name="presented"/>, chains to <paramref name="root"/>.</summary>
    public static bool Accepts(X509Certificate2 root, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }

        using X509Certificate2 leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
