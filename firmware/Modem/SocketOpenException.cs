namespace CellularIot.Modem
{
    using System;

    /// <summary>A secure socket did not open. Clock and certificate problems say so.</summary>
    public class SocketOpenException : ModemException
    {
        /// <summary>A failure the modem reported with its own result code <paramref name="resultCode"/>.</summary>
        public SocketOpenException(string host, SocketOpenError error, int resultCode)
            : base("cannot open a TLS socket to " + host + ": " + Explain(error) + " (modem result " + resultCode + ")")
        {
            ResultCode = resultCode;
            Error = error;
        }

        /// <summary>A failure around the open (no result, the command failed, ALPN not confirmed).</summary>
        public SocketOpenException(string host, SocketOpenError error, Exception innerException)
            : base("cannot open a TLS socket to " + host + ": " + Explain(error), innerException)
        {
            ResultCode = -1;
            Error = error;
        }

        /// <summary>What went wrong.</summary>
        public SocketOpenError Error { get; private set; }

        /// <summary>The modem's own result code, or -1 when it gave none.</summary>
        public int ResultCode { get; private set; }

        /// <summary>
        /// True when the server's certificate was rejected for its validity time or its name. A chain the CA does
        /// not validate is reported by SIMCom modules like a connection that never came up (ConnectFailed), so it
        /// does not count here (its message names both causes).
        /// </summary>
        public bool IsCertificateProblem
        {
            get { return IsClockProblem || Error == SocketOpenError.CertificateNameMismatch; }
        }

        /// <summary>True when the modem's clock is probably wrong (the certificate was outside its validity time).</summary>
        public bool IsClockProblem
        {
            get { return Error == SocketOpenError.CertificateTimeExpired || Error == SocketOpenError.CertificateTimeAndName; }
        }

        private static string Explain(SocketOpenError error)
        {
            switch (error)
            {
                case SocketOpenError.CommandFailed:
                    return "the open command failed";
                case SocketOpenError.Timeout:
                    return "no result in time";
                case SocketOpenError.AlpnNotConfirmed:
                    return "the modem did not confirm the ALPN protocol";
                case SocketOpenError.SocketError:
                    return "socket error";
                case SocketOpenError.NoMemory:
                    return "modem out of memory";
                case SocketOpenError.ConnectionLimit:
                    return "connection limit reached";
                case SocketOpenError.ParameterInvalid:
                    return "invalid parameter";
                case SocketOpenError.InvalidAddress:
                    return "invalid IP address";
                case SocketOpenError.NotSupported:
                    return "not supported";
                case SocketOpenError.CannotResolveHost:
                    return "host name did not resolve";
                case SocketOpenError.NetworkNotActive:
                    return "data context not active";
                case SocketOpenError.RemoteRefused:
                    return "refused by the server";
                case SocketOpenError.CertificateTimeExpired:
                    return "certificate not valid at the modem's time: check the modem clock";
                case SocketOpenError.CertificateNameMismatch:
                    return "certificate name does not match the host";
                case SocketOpenError.CertificateTimeAndName:
                    return "certificate not valid at the modem's time and its name does not match: check the modem clock and the host";
                case SocketOpenError.ConnectFailed:
                    // SIMCom modules report a server chain their CA file does not validate this way too.
                    return "connect failed: server unreachable, or the TLS handshake failed (is the server's certificate chain issued by the CA file?)";
                default:
                    return "unknown result";
            }
        }
    }
}
