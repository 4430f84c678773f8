namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Modem;

    /// <summary>How a socket's open failed, for the socket tests of every driver.</summary>
    public static class OpenFailures
    {
        /// <summary>What opening a socket with <paramref name="options"/> throws; a socket that opens fails the test.</summary>
        public static SocketOpenException Of(IModem modem, SecureSocketOptions options)
        {
            try
            {
                modem.OpenSecureSocket(options);
            }
            catch (SocketOpenException ex)
            {
                return ex;
            }

            throw new InvalidOperationException("the socket opened");
        }

        /// <summary>The error <paramref name="name"/> names: [DataRow] carries names, not enums.</summary>
        public static SocketOpenError Named(string name)
        {
            switch (name)
            {
                case "CannotResolveHost":
                    return SocketOpenError.CannotResolveHost;
                case "NetworkNotActive":
                    return SocketOpenError.NetworkNotActive;
                case "ConnectFailed":
                    return SocketOpenError.ConnectFailed;
                case "RemoteRefused":
                    return SocketOpenError.RemoteRefused;
                case "NoMemory":
                    return SocketOpenError.NoMemory;
                case "ParameterInvalid":
                    return SocketOpenError.ParameterInvalid;
                case "SocketError":
                    return SocketOpenError.SocketError;
                case "NotSupported":
                    return SocketOpenError.NotSupported;
                case "ConnectionLimit":
                    return SocketOpenError.ConnectionLimit;
                case "InvalidAddress":
                    return SocketOpenError.InvalidAddress;
                case "CertificateTimeExpired":
                    return SocketOpenError.CertificateTimeExpired;
                case "CertificateNameMismatch":
                    return SocketOpenError.CertificateNameMismatch;
                case "CertificateTimeAndName":
                    return SocketOpenError.CertificateTimeAndName;
                case "Other":
                    return SocketOpenError.Other;
                default:
                    throw new ArgumentException("no open error is named " + name, nameof(name));
            }
        }
    }
}
