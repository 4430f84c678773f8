namespace CellularIot.Cloud.Session
{
    /// <summary>
    /// What the session drives while connecting and online, whatever carries the messages (<see cref="MqttLink"/>,
    /// or the HTTPS POST link): take a login, connect, publish with a delivery id, poll, drop. The session keeps the
    /// states and their recovery; a link reports why a connection failed or ended, and whether the cloud refused
    /// the login, through <see cref="Detail"/> and <see cref="LoginRefused"/>.
    /// </summary>
    internal interface ISessionLink
    {
        /// <summary>True while messages can be published.</summary>
        bool IsConnected { get; }

        /// <summary>True when a QoS 1 message published while the next connection is set up waits and goes out with it.</summary>
        bool QueuesWhileConnecting { get; }

        /// <summary>Messages published and not yet acknowledged.</summary>
        int InFlightCount { get; }

        /// <summary>QoS 1 messages <see cref="Publish"/> takes now before its window of unacknowledged ones is full.</summary>
        int DeliverySlotsFree { get; }

        /// <summary>Why the last connection attempt failed or the last connection ended.</summary>
        string Detail { get; }

        /// <summary>True when that failure was the cloud refusing the login: a new one is needed.</summary>
        bool LoginRefused { get; }

        /// <summary>Takes the login for the next connection; null, or why this firmware cannot use it.</summary>
        string UseLogin(string iccid, string username);

        /// <summary>&lt;ICCID&gt;/<paramref name="suffix"/>, checked against the topic rules.</summary>
        /// <exception cref="System.InvalidOperationException">No login has been taken yet, so the ICCID is not known.</exception>
        string Topic(string suffix);

        /// <summary>Publishes under the topic rules; the delivery id at QoS 1, 0 at QoS 0.</summary>
        /// <exception cref="CloudLinkException">Not connected, or the message was refused before it was sent.</exception>
        /// <exception cref="Topics.TopicRuleException">The topic or payload breaks a rule.</exception>
        int Publish(string topic, byte[] payload, int offset, int count, int qos);

        /// <summary>Decides how the next connection travels and names it, for status replies and logs.</summary>
        string NextTransport();

        /// <summary>Connects to <paramref name="endpoint"/> with <paramref name="username"/>; false with <see cref="Detail"/> set when it failed.</summary>
        /// <exception cref="Modem.SocketOpenException">The socket did not open.</exception>
        /// <exception cref="Modem.ModemException">The modem failed.</exception>
        /// <exception cref="Net.TransportClosedException">The connection closed while it was being set up.</exception>
        bool Connect(string endpoint, string username);

        /// <summary>Does the link's work for up to <paramref name="waitMs"/>; false once the connection is lost (see <see cref="Detail"/>).</summary>
        bool Poll(int waitMs);

        /// <summary>Gives up the connection; messages awaiting acknowledgement stay for the next one.</summary>
        void Drop();
    }
}
