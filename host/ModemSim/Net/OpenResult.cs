namespace CellularIot.ModemSim.Net;

/// <summary>The +CAOPEN result codes (dialect table).</summary>
internal static class OpenResult
{
    public const int Ok = 0;
    public const int SocketError = 1;
    public const int CannotResolve = 20;
    public const int NetworkNotActive = 21;
    public const int Refused = 23;
    public const int CertificateExpired = 24;
    public const int NameMismatch = 25;
    public const int ExpiredAndMismatch = 26;
    public const int ConnectFailed = 27;
}
