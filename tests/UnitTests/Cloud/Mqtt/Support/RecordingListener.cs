namespace CellularIot.Tests.Cloud.Mqtt.Support
{
    using System;
    using System.Collections;
    using CellularIot.Cloud.Mqtt;

    /// <summary>Records what the client reports: messages (topic and payload copies), deliveries, losses, quarantines.</summary>
    public class RecordingListener : IMqttListener
    {
        /// <summary>Topics of the messages handed over, in order.</summary>
        public ArrayList Topics { get; } = new ArrayList();

        /// <summary>Payloads (copies) of the messages handed over, in order.</summary>
        public ArrayList Payloads { get; } = new ArrayList();

        /// <summary>Packet identifiers of the messages handed over.</summary>
        public ArrayList MessageIds { get; } = new ArrayList();

        /// <summary>Packet identifiers reported delivered.</summary>
        public ArrayList Delivered { get; } = new ArrayList();

        /// <summary>Reasons of the losses reported.</summary>
        public ArrayList LossReasons { get; } = new ArrayList();

        /// <summary>Details of the losses reported.</summary>
        public ArrayList LossDetails { get; } = new ArrayList();

        /// <summary>Quarantine reports.</summary>
        public ArrayList Quarantined { get; } = new ArrayList();

        /// <summary>When set, OnMessage throws it after recording the message.</summary>
        public Exception ThrowOnMessage { get; set; }

        /// <inheritdoc/>
        public void OnMessage(MqttMessage message)
        {
            Topics.Add(message.GetTopic());
            Payloads.Add(message.CopyPayload());
            MessageIds.Add(message.PacketId);
            if (ThrowOnMessage != null)
            {
                throw ThrowOnMessage;
            }
        }

        /// <inheritdoc/>
        public void OnDelivered(int packetId)
        {
            Delivered.Add(packetId);
        }

        /// <inheritdoc/>
        public void OnConnectionLost(ConnectionLossReason reason, string detail)
        {
            LossReasons.Add(reason);
            LossDetails.Add(detail);
        }

        /// <inheritdoc/>
        public void OnQuarantined(QuarantinedMessage message)
        {
            Quarantined.Add(message);
        }
    }
}
