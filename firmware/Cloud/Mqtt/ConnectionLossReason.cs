namespace CellularIot.Cloud.Mqtt
{
    /// <summary>Why an established connection ended (see <see cref="IMqttListener.OnConnectionLost"/>).</summary>
    public enum ConnectionLossReason
    {
        /// <summary>The peer, the network or the modem closed the transport.</summary>
        TransportClosed = 1,

        /// <summary>No PINGRESP within <see cref="MqttSettings.PingTimeoutMs"/> of a PINGREQ.</summary>
        PingTimeout = 2,

        /// <summary>The broker sent bytes that are not well-formed MQTT; the client closed the connection.</summary>
        MalformedPacket = 3,

        /// <summary>The broker sent a packet above <see cref="MqttSettings.MaxIncomingPacketBytes"/>; the client closed the connection.</summary>
        IncomingTooLarge = 4,

        /// <summary>The broker sent a packet that is not allowed here (QoS 2, a second CONNACK); the client closed the connection.</summary>
        ProtocolViolation = 5,

        /// <summary>Sending failed: the transport was already gone.</summary>
        WriteFailed = 6,

        /// <summary>The application called <see cref="MqttClient.Disconnect"/>.</summary>
        LocalDisconnect = 7,
    }
}
