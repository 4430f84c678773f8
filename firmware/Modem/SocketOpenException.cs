namespace CellularIot.Modem
{
    using System;

    /// <summary>A secure socket did not open. Results 24..26 are clock or certificate problems, and say so.</summary>
    public class SocketOpenException : ModemException
    {
        /// <summary>Creates the error for a +CAOPEN result code.</summary>
        public SocketOpenException(string host, int resultCode)
            : base(Describe(host, resultCode))
        {
            ResultCode = resultCode;
            Error = ErrorFor(resultCode);
        }

        /// <summary>Creates the error for a failure around the result code (command failed, timeout, ALPN).</summary>
        public SocketOpenException(string host, SocketOpenError error, Exception innerException)
            : base("cannot open a TLS socket to " + host + ": " + Explain(error), innerException)
        {
            ResultCode = -1;
            Error = error;
        }

        /// <summary>What went wrong.</summary>
        public SocketOpenError Error { get; private set; }

        /// <summary>The +CAOPEN result code, or -1 when the command gave none.</summary>
        public int ResultCode { get; private set; }

        /// <summary>
        /// True for results 24..26: the server's certificate was rejected for its validity time or its name. A chain
        /// the CA file does not validate is result 27, which the module also gives for a connection that never came
        /// up, so it does not count here (its message names both causes).
        /// </summary>
        public bool IsCertificateProblem
        {
            get { return ResultCode >= 24 && ResultCode <= 26; }
        }

        /// <summary>True for results 24 and 26: the modem's clock is probably wrong (check AT+CCLK and AT+CLTS=1).</summary>
        public bool IsClockProblem
        {
            get { return ResultCode == 24 || ResultCode == 26; }
        }

        private static SocketOpenError ErrorFor(int resultCode)
        {
            switch (resultCode)
            {
                case 1:
                case 2:
                case 3:
                case 4:
                case 6:
                case 7:
                case 20:
                case 21:
                case 23:
                case 24:
                case 25:
                case 26:
                case 27:
                    return (SocketOpenError)resultCode;
                default:
                    return SocketOpenError.Other;
            }
        }

        private static string Describe(string host, int resultCode)
        {
            return "cannot open a TLS socket to " + host + ": +CAOPEN result " + resultCode + " (" + Explain(ErrorFor(resultCode)) + ")";
        }

        private static string Explain(SocketOpenError error)
        {
            switch (error)
            {
                case SocketOpenError.CommandFailed:
                    return "AT+CAOPEN failed";
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
                case SocketOpenError.InvalidIp:
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
                    // The module reports a server chain its CA file does not validate with this code too.
                    return "connect failed: server unreachable, or the TLS handshake failed (is the server's certificate chain issued by the CA file?)";
                default:
                    return "unknown result";
            }
        }
    }
}
