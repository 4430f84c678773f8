namespace CellularIot.CloudSim;

/// <summary>What a connection turned out to carry.</summary>
public enum ConnectionProtocol
{
    /// <summary>TLS only: refused at the handshake, or closed before a protocol was seen.</summary>
    Tls,

    /// <summary>HTTPS requests (onboarding, or HTTP publish on the IoT endpoint).</summary>
    Https,

    /// <summary>MQTT over TLS with ALPN <c>mqtt</c>.</summary>
    Mqtt,

    /// <summary>MQTT over a WebSocket upgraded at <c>/mqtt</c>.</summary>
    MqttOverWebSocket,
}
