namespace CellularIot.Cloud.Mqtt
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// Writes MQTT 3.1.1 client packets into a caller's buffer and returns their length. Nothing is
    /// allocated: strings go straight into the buffer as UTF-8. A packet that does not fit is refused with
    /// <see cref="MqttError.PacketTooLarge"/> before a byte is written.
    /// </summary>
    public static class PacketEncoder
    {
        /// <summary>CONNECT's variable header before the flags: protocol name "MQTT" and level 4 (3.1.1).</summary>
        private static readonly byte[] ProtocolHeader = new byte[] { 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4 };

        /// <summary>CONNECT flag: a user name follows the client ID.</summary>
        private const int UsernameFlag = 0x80;

        /// <summary>CONNECT flag: start a clean session.</summary>
        private const int CleanSessionFlag = 0x02;

        /// <summary>Most bytes an MQTT string may hold (its length is 16 bits).</summary>
        private const int MaxStringBytes = 65535;

        /// <summary>
        /// CONNECT with the client ID, an optional user name, no password, no will, and the keep-alive in
        /// seconds.
        /// </summary>
        public static int Connect(byte[] buffer, string clientId, string username, bool cleanSession, int keepAliveSeconds)
        {
            if (clientId == null)
            {
                throw new ArgumentNullException(nameof(clientId));
            }

            if (keepAliveSeconds < 0 || keepAliveSeconds > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(keepAliveSeconds), "keep-alive is 0..65535 seconds");
            }

            int clientIdBytes = StringBytes(clientId, "client ID");
            int usernameBytes = username == null ? 0 : StringBytes(username, "user name");
            int remaining = ProtocolHeader.Length + 1 + 2 + 2 + clientIdBytes + (username == null ? 0 : 2 + usernameBytes);
            int at = FixedHeader(buffer, PacketType.Connect << 4, remaining, "CONNECT");

            Array.Copy(ProtocolHeader, 0, buffer, at, ProtocolHeader.Length);
            at += ProtocolHeader.Length;
            buffer[at++] = (byte)((username == null ? 0 : UsernameFlag) | (cleanSession ? CleanSessionFlag : 0));
            at = WriteUInt16(keepAliveSeconds, buffer, at);
            at = WriteString(clientId, clientIdBytes, buffer, at);
            if (username != null)
            {
                at = WriteString(username, usernameBytes, buffer, at);
            }

            return at;
        }

        /// <summary>Bytes a PUBLISH takes: fixed header, topic, packet identifier for QoS 1, payload.</summary>
        public static int PublishSize(int topicBytes, int payloadLength, int qos)
        {
            int remaining = 2 + topicBytes + (qos > 0 ? 2 : 0) + payloadLength;
            return 1 + RemainingLength.SizeOf(remaining) + remaining;
        }

        /// <summary>
        /// PUBLISH at QoS 0 or 1, never retained, DUP clear (a retransmission sets it in place with
        /// <see cref="SetDup"/>). <paramref name="topicBytes"/> is the topic's UTF-8 length, which the caller has
        /// already measured.
        /// </summary>
        public static int Publish(byte[] buffer, string topic, int topicBytes, byte[] payload, int payloadOffset, int payloadLength, int qos, int packetId)
        {
            if (qos != 0 && qos != 1)
            {
                throw new MqttException(MqttError.QosNotSupported, "QoS " + qos + " is not supported: AWS IoT Core takes QoS 0 and 1 only");
            }

            if (qos == 1)
            {
                CheckPacketId(packetId);
            }

            CheckRange(payload, payloadOffset, payloadLength);
            int remaining = 2 + topicBytes + (qos > 0 ? 2 : 0) + payloadLength;
            int at = FixedHeader(buffer, (PacketType.Publish << 4) | (qos << 1), remaining, "PUBLISH");
            at = WriteString(topic, topicBytes, buffer, at);
            if (qos > 0)
            {
                at = WriteUInt16(packetId, buffer, at);
            }

            if (payloadLength > 0)
            {
                Array.Copy(payload, payloadOffset, buffer, at, payloadLength);
            }

            return at + payloadLength;
        }

        /// <summary>Marks an encoded PUBLISH as a retransmission (the DUP flag, bit 3 of the first byte).</summary>
        public static void SetDup(byte[] packet, int offset)
        {
            packet[offset] = (byte)(packet[offset] | 0x08);
        }

        /// <summary>SUBSCRIBE asking for every filter at QoS <paramref name="qos"/> (0 or 1).</summary>
        public static int Subscribe(byte[] buffer, int packetId, string[] filters, int qos)
        {
            if (filters == null)
            {
                throw new ArgumentNullException(nameof(filters));
            }

            if (qos != 0 && qos != 1)
            {
                throw new MqttException(MqttError.QosNotSupported, "QoS " + qos + " is not supported: AWS IoT Core takes QoS 0 and 1 only");
            }

            CheckPacketId(packetId);
            int remaining = 2;
            for (int i = 0; i < filters.Length; i++)
            {
                remaining += 2 + StringBytes(filters[i], "filter") + 1;
            }

            // Bits 3..0 of SUBSCRIBE's fixed header are reserved and must be 0010.
            int at = FixedHeader(buffer, (PacketType.Subscribe << 4) | 0x02, remaining, "SUBSCRIBE");
            at = WriteUInt16(packetId, buffer, at);
            for (int i = 0; i < filters.Length; i++)
            {
                at = WriteString(filters[i], Utf8.GetByteCount(filters[i]), buffer, at);
                buffer[at++] = (byte)qos;
            }

            return at;
        }

        /// <summary>PUBACK for a received QoS 1 PUBLISH.</summary>
        public static int Puback(byte[] buffer, int packetId)
        {
            CheckPacketId(packetId);
            int at = FixedHeader(buffer, PacketType.Puback << 4, 2, "PUBACK");
            return WriteUInt16(packetId, buffer, at);
        }

        /// <summary>PINGREQ: two bytes, C0 00.</summary>
        public static int Pingreq(byte[] buffer)
        {
            return FixedHeader(buffer, PacketType.Pingreq << 4, 0, "PINGREQ");
        }

        /// <summary>DISCONNECT: two bytes, E0 00.</summary>
        public static int Disconnect(byte[] buffer)
        {
            return FixedHeader(buffer, PacketType.Disconnect << 4, 0, "DISCONNECT");
        }

        private static int FixedHeader(byte[] buffer, int firstByte, int remaining, string packet)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (remaining > RemainingLength.Max)
            {
                throw new MqttException(MqttError.PacketTooLarge, packet + " would have a remaining length of " + remaining + ", above MQTT's " + RemainingLength.Max);
            }

            int total = 1 + RemainingLength.SizeOf(remaining) + remaining;
            if (total > buffer.Length)
            {
                throw new MqttException(MqttError.PacketTooLarge, packet + " needs " + total + " bytes but the buffer holds " + buffer.Length);
            }

            buffer[0] = (byte)firstByte;
            return 1 + RemainingLength.Write(remaining, buffer, 1);
        }

        private static int StringBytes(string text, string what)
        {
            if (text == null)
            {
                throw new ArgumentNullException(what);
            }

            int bytes = Utf8.GetByteCount(text);
            if (bytes > MaxStringBytes)
            {
                throw new MqttException(MqttError.PacketTooLarge, "the " + what + " is " + bytes + " bytes; an MQTT string holds at most " + MaxStringBytes);
            }

            return bytes;
        }

        private static int WriteString(string text, int byteCount, byte[] buffer, int at)
        {
            at = WriteUInt16(byteCount, buffer, at);
            return at + Utf8.Encode(text, buffer, at);
        }

        private static int WriteUInt16(int value, byte[] buffer, int at)
        {
            buffer[at] = (byte)(value >> 8);
            buffer[at + 1] = (byte)value;
            return at + 2;
        }

        private static void CheckPacketId(int packetId)
        {
            if (packetId < 1 || packetId > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(packetId), "a packet identifier is 1..65535");
            }
        }

        private static void CheckRange(byte[] payload, int offset, int count)
        {
            if (count < 0 || offset < 0 || (count > 0 && (payload == null || offset > payload.Length - count)))
            {
                throw new ArgumentOutOfRangeException(nameof(count), "payload range outside the array");
            }
        }
    }
}
