namespace CellularIot.Cloud.Mqtt
{
    /// <summary>What went wrong, carried by every <see cref="MqttException"/>.</summary>
    public enum MqttError
    {
        /// <summary>No connection is up: connect first (publish and subscribe are refused, nothing is queued).</summary>
        NotConnected = 1,

        /// <summary>The connection ended while the operation was under way.</summary>
        ConnectionLost = 2,

        /// <summary>Every in-flight slot holds an unacknowledged QoS 1 message.</summary>
        InFlightFull = 3,

        /// <summary>QoS 2 was asked for: AWS IoT Core supports only QoS 0 and 1.</summary>
        QosNotSupported = 4,

        /// <summary>RETAIN was asked for: the 1NCE policy does not grant iot:RetainPublish.</summary>
        RetainNotSupported = 5,

        /// <summary>An outgoing packet does not fit its buffer or slot (sized by <see cref="MqttSettings"/>).</summary>
        PacketTooLarge = 6,

        /// <summary>An incoming packet's remaining length is above <see cref="MqttSettings.MaxIncomingPacketBytes"/>.</summary>
        IncomingTooLarge = 7,

        /// <summary>An incoming packet is not well-formed MQTT 3.1.1.</summary>
        MalformedPacket = 8,

        /// <summary>An incoming packet is well-formed but not allowed at this point.</summary>
        ProtocolViolation = 9,

        /// <summary>No SUBACK arrived in time.</summary>
        SubackTimeout = 10,

        /// <summary>Connect was called on a connection that is still up.</summary>
        AlreadyConnected = 11,
    }
}
