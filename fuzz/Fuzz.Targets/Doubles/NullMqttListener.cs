using CellularIot.Cloud.Mqtt;

namespace CellularIot.Fuzz;

/// <summary>An MQTT listener that counts what it is told.</summary>
public sealed class NullMqttListener : IMqttListener
{
    /// <summary>Messages delivered.</summary>
    public int Messages { get; private set; }

    /// <summary>Connection losses reported.</summary>
    public int Losses { get; private set; }

    /// <inheritdoc/>
    public void OnMessage(MqttMessage message) => Messages++;

    /// <inheritdoc/>
    public void OnDelivered(int packetId)
    {
    }

    /// <inheritdoc/>
    public void OnConnectionLost(ConnectionLossReason reason, string detail) => Losses++;

    /// <inheritdoc/>
    public void OnQuarantined(QuarantinedMessage message)
    {
    }
}
