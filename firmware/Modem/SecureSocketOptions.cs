namespace CellularIot.Modem
{
    /// <summary>Where and how a secure socket connects.</summary>
    public sealed class SecureSocketOptions
    {
        /// <summary>Creates options for <paramref name="host"/>:<paramref name="port"/>, checked against the CA stored as <paramref name="caFileName"/>.</summary>
        public SecureSocketOptions(string host, int port, string caFileName)
        {
            Host = host;
            Port = port;
            CaFileName = caFileName;
        }

        /// <summary>The server's host name.</summary>
        public string Host { get; private set; }

        /// <summary>The server's TCP port.</summary>
        public int Port { get; private set; }

        /// <summary>The CA file (see <see cref="IModem.EnsureCaCertificate"/>) the server's chain must lead to.</summary>
        public string CaFileName { get; private set; }

        /// <summary>The SNI server name; null means <see cref="Host"/>.</summary>
        public string ServerName { get; set; }

        /// <summary>The ALPN protocol (<c>mqtt</c>); null sends none.</summary>
        public string Alpn { get; set; }
    }
}
