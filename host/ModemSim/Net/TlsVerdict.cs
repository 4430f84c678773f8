using System.Security.Cryptography.X509Certificates;

namespace CellularIot.ModemSim.Net;

/// <summary>
/// Judges the server's certificate as the module does and names the CAOPEN result: the chain must end at a CA the
/// firmware uploaded and converted (custom root trust, no system roots), checked at the module's clock; validity
/// and name failures get their own codes, anything else (untrusted, broken chain) is 27.
/// </summary>
internal static class TlsVerdict
{
    private const X509ChainStatusFlags TimeFlags = X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested;

    public static int Evaluate(X509Certificate? presented, X509Chain? presentedChain, TlsPlan plan)
    {
        if (presented is null || plan.Trust is null || plan.Trust.Count == 0)
        {
            return OpenResult.ConnectFailed;
        }

        X509Certificate2 leaf = presented as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(plan.Trust);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.VerificationTime = plan.VerificationTime.UtcDateTime;
        if (presentedChain is not null)
        {
            // Intermediates the server sent may complete the path; they are not trusted by being here.
            foreach (X509ChainElement element in presentedChain.ChainElements)
            {
                if (!element.Certificate.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
                {
                    chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }
        }

        try
        {
            chain.Build(leaf);
            X509ChainStatusFlags flags = X509ChainStatusFlags.NoError;
            foreach (X509ChainStatus status in chain.ChainStatus)
            {
                flags |= status.Status;
            }

            if ((flags & ~TimeFlags) != X509ChainStatusFlags.NoError)
            {
                return OpenResult.ConnectFailed;
            }

            bool timeBad = (flags & TimeFlags) != X509ChainStatusFlags.NoError;
            bool nameBad = !leaf.MatchesHostname(plan.HostName);
            return (timeBad, nameBad) switch
            {
                (true, true) => OpenResult.ExpiredAndMismatch,
                (true, false) => OpenResult.CertificateExpired,
                (false, true) => OpenResult.NameMismatch,
                _ => OpenResult.Ok,
            };
        }
        finally
        {
            if (!ReferenceEquals(leaf, presented))
            {
                leaf.Dispose();
            }
        }
    }
}
