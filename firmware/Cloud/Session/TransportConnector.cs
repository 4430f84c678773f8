namespace CellularIot.Cloud.Session
{
    using System;
    using CellularIot.Cloud.Token;
    using CellularIot.Modem;
    using CellularIot.Net;
    using CellularIot.Net.Http;
    using CellularIot.Net.WebSockets;
    using CellularIot.Support;

    /// <summary>
    /// Builds the byte stream MQTT runs over to the IoT endpoint: TLS with ALPN "mqtt" where the modem can send
    /// ALPN and the settings allow it, else a WebSocket on the same port (no ALPN needed) whose upgrade carries
    /// the custom-authorizer credentials as headers. SNI is always the endpoint; the server is always verified
    /// against the CA file on the modem.
    /// </summary>
    internal sealed class TransportConnector
    {
        private const string AlpnMqtt = "mqtt";

        private readonly IModem modem;
        private readonly SessionSettings settings;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly Random random;

        public TransportConnector(IModem modem, SessionSettings settings, IClock clock, ILog log, Random random)
        {
            this.modem = modem;
            this.settings = settings;
            this.clock = clock;
            this.log = log;
            this.random = random;
        }

        /// <summary>Whether the next connection is MQTT over TLS with ALPN (else over WebSocket).</summary>
        public bool UseTls()
        {
            bool alpn = modem.Capabilities.SupportsAlpn;
            if (settings.Transport == TransportChoice.MqttTls && !alpn)
            {
                log.Warn("transport mqtt-tls asked for, but this modem cannot send ALPN, which IoT Core needs for MQTT on 443: using MQTT over WebSocket");
            }

            return settings.Transport != TransportChoice.MqttWebSocket && alpn;
        }

        /// <summary>The transport's name, for status replies and logs.</summary>
        public static string NameOf(bool overTls)
        {
            return overTls ? "MQTT over TLS (ALPN mqtt)" : "MQTT over WebSocket";
        }

        /// <summary>
        /// Opens the secure socket to <paramref name="endpoint"/> and, without TLS-ALPN, upgrades it to a WebSocket
        /// with the credentials of <paramref name="username"/>. On failure nothing is left open.
        /// </summary>
        /// <exception cref="SocketOpenException">The socket did not open.</exception>
        /// <exception cref="ModemException">The modem failed.</exception>
        /// <exception cref="WebSocketException">The upgrade failed (its status says whether the login was refused).</exception>
        /// <exception cref="TransportClosedException">The connection closed during the upgrade.</exception>
        public ITransport Open(string endpoint, bool overTls, string username)
        {
            ITransport link = new ModemTransport(modem.OpenSecureSocket(SocketTo(endpoint, overTls ? AlpnMqtt : null)));
            if (overTls)
            {
                return link;
            }

            var headers = new HttpHeaders();
            CustomAuthUsername.Parse(username).AddWebSocketHeaders(headers);
            var webSocket = new WebSocketTransport(link, clock, random, settings.WebSocket);

            // A failed upgrade closes the socket beneath it.
            webSocket.Connect(endpoint, headers);
            return webSocket;
        }

        /// <summary>Opens a TLS socket for HTTPS to <paramref name="host"/> (SNI, server verified, no ALPN).</summary>
        /// <exception cref="SocketOpenException">The socket did not open.</exception>
        /// <exception cref="ModemException">The modem failed.</exception>
        public ITransport OpenHttps(string host)
        {
            return new ModemTransport(modem.OpenSecureSocket(SocketTo(host, null)));
        }

        /// <summary>The socket options for the IoT endpoint or the onboarding host.</summary>
        public SecureSocketOptions SocketTo(string host, string alpn)
        {
            var options = new SecureSocketOptions(host, settings.Port, settings.CaFileName);
            options.ServerName = host;
            options.Alpn = alpn;
            return options;
        }
    }
}
