namespace CellularIot.Modem
{
    /// <summary>Why a secure socket did not open, whatever the modem; each driver maps its own result codes onto these.</summary>
    public enum SocketOpenError
    {
        /// <summary>The open command itself failed (ERROR or +CME ERROR).</summary>
        CommandFailed,

        /// <summary>No result within the socket open timeout.</summary>
        Timeout,

        /// <summary>ALPN was set but reading it back did not confirm it.</summary>
        AlpnNotConfirmed,

        /// <summary>A result the driver does not know.</summary>
        Other,

        /// <summary>Socket error.</summary>
        SocketError,

        /// <summary>The modem is out of memory.</summary>
        NoMemory,

        /// <summary>Connection limit reached.</summary>
        ConnectionLimit,

        /// <summary>A parameter is invalid.</summary>
        ParameterInvalid,

        /// <summary>Invalid IP address.</summary>
        InvalidAddress,

        /// <summary>Not supported.</summary>
        NotSupported,

        /// <summary>The host name did not resolve.</summary>
        CannotResolveHost,

        /// <summary>The data context is not active.</summary>
        NetworkNotActive,

        /// <summary>The server refused the connection.</summary>
        RemoteRefused,

        /// <summary>The certificate is outside its validity period as the modem's clock sees it.</summary>
        CertificateTimeExpired,

        /// <summary>The certificate's name does not match the host.</summary>
        CertificateNameMismatch,

        /// <summary>Both a time and a name problem.</summary>
        CertificateTimeAndName,

        /// <summary>The connection failed.</summary>
        ConnectFailed,
    }
}
