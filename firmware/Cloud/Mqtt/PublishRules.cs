namespace CellularIot.Cloud.Mqtt
{
    using System;
    using CellularIot.Bytes;

    /// <summary>What a PUBLISH of this client may be: QoS 0 or 1, never retained, a payload range inside its array, and a packet that fits where it is kept.</summary>
    internal static class PublishRules
    {
        /// <summary>Checks a publish; returns the topic's UTF-8 length.</summary>
        /// <exception cref="MqttException">QoS 2 or RETAIN asked for, or the packet does not fit the send buffer (QoS 0) or an in-flight slot (QoS 1).</exception>
        /// <exception cref="ArgumentOutOfRangeException">The payload range lies outside its array.</exception>
        public static int Check(string topic, byte[] payload, int offset, int count, int qos, bool retain, int sendBufferBytes, int slotBytes)
        {
            if (qos != 0 && qos != 1)
            {
                throw new MqttException(MqttError.QosNotSupported, "QoS " + qos + " refused: AWS IoT Core supports QoS 0 and 1 only");
            }

            if (retain)
            {
                throw new MqttException(MqttError.RetainNotSupported, "RETAIN refused: the 1NCE policy does not grant iot:RetainPublish, so the broker would close the connection");
            }

            if (offset < 0 || (count > 0 && (payload == null || offset > payload.Length - count)))
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "payload range outside the array");
            }

            int topicBytes = Utf8.GetByteCount(topic);
            int size = PacketEncoder.PublishSize(topicBytes, count, qos);
            if (qos == 0 && size > sendBufferBytes)
            {
                throw new MqttException(MqttError.PacketTooLarge, "PUBLISH of " + size + " bytes does not fit the send buffer of " + sendBufferBytes + " (MaxPacketBytes)");
            }

            if (qos == 1 && size > slotBytes)
            {
                throw new MqttException(MqttError.PacketTooLarge, "QoS 1 PUBLISH of " + size + " bytes does not fit an in-flight slot of " + slotBytes + " (InFlightSlotBytes)");
            }

            return topicBytes;
        }
    }
}
