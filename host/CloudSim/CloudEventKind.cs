namespace CellularIot.CloudSim;

/// <summary>What a <see cref="CloudEvent"/> records.</summary>
public enum CloudEventKind
{
    /// <summary>A TLS handshake completed (SNI and ALPN accepted).</summary>
    ConnectionOpened,

    /// <summary>A TLS handshake was refused: no SNI, a wrong SNI, or a failed handshake.</summary>
    TlsRefused,

    /// <summary>A connection ended; the message carries its byte counts.</summary>
    ConnectionClosed,

    /// <summary>The onboarding API answered 200.</summary>
    OnboardingServed,

    /// <summary>The onboarding API answered an error (400, 404, 500, 503).</summary>
    OnboardingRefused,

    /// <summary>The custom authorizer accepted credentials.</summary>
    AuthAccepted,

    /// <summary>The custom authorizer refused credentials; the message says why.</summary>
    AuthRejected,

    /// <summary>An MQTT client got its CONNACK.</summary>
    MqttConnected,

    /// <summary>An MQTT session ended.</summary>
    MqttDisconnected,

    /// <summary>A persistent session's client came back later than the session expiry: the session was discarded.</summary>
    SessionExpired,

    /// <summary>A second connection used a connected client ID; the older one was closed.</summary>
    DuplicateClientId,

    /// <summary>The broker accepted a message for routing.</summary>
    MessagePublished,

    /// <summary>The broker queued a message for a subscriber.</summary>
    MessageDelivered,

    /// <summary>The broker accepted a subscription.</summary>
    Subscribed,

    /// <summary>The 1NCE policy forbids what the client did; the connection is closed.</summary>
    PolicyViolation,

    /// <summary>An AWS IoT limit (topic length or depth, payload size) was exceeded; the connection is closed.</summary>
    LimitExceeded,

    /// <summary>A QoS 2 PUBLISH or SUBSCRIBE was ignored without acknowledgement.</summary>
    NotAcknowledged,

    /// <summary>A client was silent for 1.5 times its (clamped) keep-alive and was dropped.</summary>
    KeepAliveTimeout,

    /// <summary>A client's token expired while connected and it was dropped.</summary>
    TokenExpired,

    /// <summary>Bytes that break the protocol (MQTT without ALPN <c>mqtt</c>, a first packet that is not CONNECT).</summary>
    ProtocolViolation,

    /// <summary>A WebSocket upgrade to MQTT was accepted.</summary>
    WebSocketUpgraded,

    /// <summary>An HTTPS publish was accepted.</summary>
    HttpPublished,

    /// <summary>An HTTPS request to the IoT endpoint was refused with an error status.</summary>
    HttpRefused,

    /// <summary>An operator (test or CLI) closed a client.</summary>
    Kicked,
}
