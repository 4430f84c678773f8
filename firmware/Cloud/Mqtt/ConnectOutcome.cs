namespace CellularIot.Cloud.Mqtt
{
    /// <summary>
    /// How a connection attempt ended. 1 to 5 are the CONNACK return codes of MQTT 3.1.1 (section 3.2.2.3);
    /// the rest are endings without a usable CONNACK.
    /// </summary>
    public enum ConnectOutcome
    {
        /// <summary>CONNACK 0: the session is up.</summary>
        Accepted = 0,

        /// <summary>CONNACK 1: the broker does not speak MQTT 3.1.1.</summary>
        UnacceptableProtocolVersion = 1,

        /// <summary>CONNACK 2: the client ID (the ICCID) was refused.</summary>
        IdentifierRejected = 2,

        /// <summary>CONNACK 3: the broker cannot take connections now.</summary>
        ServerUnavailable = 3,

        /// <summary>CONNACK 4: bad user name or password, an authentication failure.</summary>
        BadUsernameOrPassword = 4,

        /// <summary>CONNACK 5: not authorized, an authentication failure.</summary>
        NotAuthorized = 5,

        /// <summary>
        /// The connection closed before any CONNACK: how AWS IoT Core usually answers a custom-authorizer
        /// failure (expired token, bad signature), so it is a likely authentication failure.
        /// </summary>
        ClosedBeforeConnack = 100,

        /// <summary>No CONNACK within <see cref="MqttSettings.ConnackTimeoutMs"/>; the client closed the connection.</summary>
        ConnackTimeout = 101,

        /// <summary>The broker answered with something other than a well-formed CONNACK; the client closed the connection.</summary>
        ProtocolError = 102,
    }
}
