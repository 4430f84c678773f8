namespace CellularIot.Modem.Sim7080
{
    /// <summary>
    /// The SIM7080G's +CAOPEN result codes (SIM7080 Series TCP/IP application note, AT+CAOPEN) as the generic
    /// socket errors: 1 socket error, 2 no memory, 3 connection limit, 4 invalid parameter, 6 invalid IP address,
    /// 7 not supported, 20 host not resolved, 21 data context not active, 23 refused by the server, 24 certificate
    /// time expired, 25 certificate name mismatch, 26 both, 27 connect failed (also a chain the CA file does not
    /// validate). Any other code is <see cref="SocketOpenError.Other"/>.
    /// </summary>
    internal static class CaOpenResults
    {
        public static SocketOpenError ErrorOf(int result)
        {
            switch (result)
            {
                case 1:
                    return SocketOpenError.SocketError;
                case 2:
                    return SocketOpenError.NoMemory;
                case 3:
                    return SocketOpenError.ConnectionLimit;
                case 4:
                    return SocketOpenError.ParameterInvalid;
                case 6:
                    return SocketOpenError.InvalidAddress;
                case 7:
                    return SocketOpenError.NotSupported;
                case 20:
                    return SocketOpenError.CannotResolveHost;
                case 21:
                    return SocketOpenError.NetworkNotActive;
                case 23:
                    return SocketOpenError.RemoteRefused;
                case 24:
                    return SocketOpenError.CertificateTimeExpired;
                case 25:
                    return SocketOpenError.CertificateNameMismatch;
                case 26:
                    return SocketOpenError.CertificateTimeAndName;
                case 27:
                    return SocketOpenError.ConnectFailed;
                default:
                    return SocketOpenError.Other;
            }
        }
    }
}
