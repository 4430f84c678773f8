namespace CellularIot.Cloud.Mqtt
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// A PUBLISH received from the broker, handed to <see cref="IMqttListener.OnMessage"/>. One instance is
    /// reused for every message and points into the client's receive buffer, so a receive allocates
    /// nothing: read what you need during the call (<see cref="GetTopic"/> and <see cref="CopyPayload"/>
    /// make copies that outlive it).
    /// </summary>
    public class MqttMessage : ICloudMessage
    {
        /// <summary>The buffer that holds the topic and payload; valid only during the callback.</summary>
        public byte[] Buffer { get; private set; }

        /// <summary>Where the topic's UTF-8 bytes start in <see cref="Buffer"/>.</summary>
        public int TopicOffset { get; private set; }

        /// <summary>The topic's length in UTF-8 bytes.</summary>
        public int TopicLength { get; private set; }

        /// <summary>Where the payload starts in <see cref="Buffer"/>.</summary>
        public int PayloadOffset { get; private set; }

        /// <summary>The payload's length.</summary>
        public int PayloadLength { get; private set; }

        /// <summary>0 or 1.</summary>
        public int Qos { get; private set; }

        /// <summary>The broker marked this as a retransmission.</summary>
        public bool Dup { get; private set; }

        /// <summary>The broker's retain flag.</summary>
        public bool Retain { get; private set; }

        /// <summary>The packet identifier (QoS 1), or 0.</summary>
        public int PacketId { get; private set; }

        /// <summary>The topic as a string (allocates).</summary>
        public string GetTopic()
        {
            return Utf8.Decode(Buffer, TopicOffset, TopicLength);
        }

        /// <summary>A copy of the payload that outlives the callback (allocates).</summary>
        public byte[] CopyPayload()
        {
            byte[] copy = new byte[PayloadLength];
            Array.Copy(Buffer, PayloadOffset, copy, 0, PayloadLength);
            return copy;
        }

        /// <summary>Points this message at a decoded PUBLISH.</summary>
        internal void Set(byte[] buffer, int topicOffset, int topicLength, int payloadOffset, int payloadLength, int qos, bool dup, bool retain, int packetId)
        {
            Buffer = buffer;
            TopicOffset = topicOffset;
            TopicLength = topicLength;
            PayloadOffset = payloadOffset;
            PayloadLength = payloadLength;
            Qos = qos;
            Dup = dup;
            Retain = retain;
            PacketId = packetId;
        }
    }
}
