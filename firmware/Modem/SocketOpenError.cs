namespace CellularIot.Modem
{
    /// <summary>Why a secure socket did not open: the SIM7080G's +CAOPEN result codes, and failures around them.</summary>
    public enum SocketOpenError
    {
        /// <summary>The AT+CAOPEN command itself failed (ERROR or +CME ERROR).</summary>
        CommandFailed = -3,

        /// <summary>No result within the socket open timeout.</summary>
        Timeout = -2,

        /// <summary>ALPN was set but reading it back did not confirm it.</summary>
        AlpnNotConfirmed = -1,

        /// <summary>A result code not listed here.</summary>
        Other = 0,

        /// <summary>1: socket error.</summary>
        SocketError = 1,

        /// <summary>2: the modem is out of memory.</summary>
        NoMemory = 2,

        /// <summary>3: connection limit reached.</summary>
        ConnectionLimit = 3,

        /// <summary>4: a parameter is invalid.</summary>
        ParameterInvalid = 4,

        /// <summary>6: invalid IP address.</summary>
        InvalidIp = 6,

        /// <summary>7: not supported.</summary>
        NotSupported = 7,

        /// <summary>20: the host name did not resolve.</summary>
        CannotResolveHost = 20,

        /// <summary>21: the data context is not active.</summary>
        NetworkNotActive = 21,

        /// <summary>23: the server refused the connection.</summary>
        RemoteRefused = 23,

        /// <summary>24: the certificate is outside its validity period as the modem's clock sees it.</summary>
        CertificateTimeExpired = 24,

        /// <summary>25: the certificate's name does not match the host.</summary>
        CertificateNameMismatch = 25,

        /// <summary>26: both a time and a name problem.</summary>
        CertificateTimeAndName = 26,

        /// <summary>27: the connection failed.</summary>
        ConnectFailed = 27,
    }
}
