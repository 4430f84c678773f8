namespace CellularIot.Cloud.Mqtt
{
    using CellularIot.Bytes;

    /// <summary>
    /// Reads the bodies of the packets a broker sends (after <see cref="PacketFramer"/> has cut them out),
    /// checking every length against the remaining length and every field against MQTT 3.1.1. Nothing is
    /// allocated on success; a bad packet is a <see cref="MqttException"/> with
    /// <see cref="MqttError.MalformedPacket"/> that says which field was wrong.
    /// </summary>
    public static class PacketDecoder
    {
        /// <summary>Highest CONNACK return code MQTT 3.1.1 defines.</summary>
        public const int MaxConnackCode = 5;

        /// <summary>Reads CONNACK: returns the return code (0..5) and the session-present flag.</summary>
        public static int ReadConnack(byte[] body, int length, out bool sessionPresent)
        {
            RequireLength(length, 2, "CONNACK");
            int ackFlags = body[0];
            if ((ackFlags & 0xFE) != 0)
            {
                throw Malformed("CONNACK", "acknowledge flags 0x" + Hex.ToString(ackFlags, 2) + " set reserved bits");
            }

            int code = body[1];
            if (code > MaxConnackCode)
            {
                throw Malformed("CONNACK", "unknown return code " + code);
            }

            sessionPresent = (ackFlags & 0x01) != 0;
            return code;
        }

        /// <summary>Reads the packet identifier of a PUBACK (or any packet that is nothing else).</summary>
        public static int ReadPacketId(byte[] body, int length, string packet)
        {
            RequireLength(length, 2, packet);
            return PacketId(body, 0, packet);
        }

        /// <summary>
        /// Reads a SUBACK: returns its packet identifier and fills <paramref name="codes"/> with one code per
        /// filter. The code count must equal <paramref name="codes"/>' length (the filters sent).
        /// </summary>
        public static int ReadSuback(byte[] body, int length, SubscribeReturnCode[] codes)
        {
            if (length < 3)
            {
                throw Malformed("SUBACK", "remaining length " + length + " is shorter than a packet identifier and one return code");
            }

            int packetId = PacketId(body, 0, "SUBACK");
            if (codes != null)
            {
                if (length - 2 != codes.Length)
                {
                    throw new MqttException(MqttError.ProtocolViolation, "SUBACK " + packetId + " answers " + (length - 2) + " filters but " + codes.Length + " were sent");
                }

                for (int i = 0; i < codes.Length; i++)
                {
                    int code = body[2 + i];
                    if (code != 0 && code != 1 && code != 2 && code != 0x80)
                    {
                        throw Malformed("SUBACK", "return code 0x" + Hex.ToString(code, 2) + " for filter " + i + " is not 0, 1, 2 or 0x80");
                    }

                    codes[i] = (SubscribeReturnCode)code;
                }
            }

            return packetId;
        }

        /// <summary>
        /// Reads a PUBLISH into <paramref name="message"/>, which then points into <paramref name="body"/>.
        /// The topic must be well-formed UTF-8 without wildcards; QoS 1 needs a non-zero packet identifier.
        /// </summary>
        public static void ReadPublish(int header, byte[] body, int length, MqttMessage message)
        {
            int qos = (header >> 1) & 0x03;
            if (qos == 3)
            {
                throw Malformed("PUBLISH", "QoS bits are 3");
            }

            if (length < 2)
            {
                throw Malformed("PUBLISH", "remaining length " + length + " cannot hold the topic length");
            }

            int topicLength = (body[0] << 8) | body[1];
            int idBytes = qos > 0 ? 2 : 0;
            if (topicLength == 0)
            {
                throw Malformed("PUBLISH", "the topic is empty");
            }

            if (2 + topicLength + idBytes > length)
            {
                throw Malformed("PUBLISH", "topic of " + topicLength + " bytes" + (idBytes > 0 ? " and a packet identifier" : string.Empty) + " run past the remaining length " + length);
            }

            try
            {
                Utf8.GetCharCount(body, 2, topicLength);
            }
            catch (Utf8Exception ex)
            {
                throw Malformed("PUBLISH", "the topic is not valid UTF-8: " + ex.Message);
            }

            for (int i = 2; i < 2 + topicLength; i++)
            {
                int b = body[i];
                if (b == '+' || b == '#' || b == 0)
                {
                    throw Malformed("PUBLISH", "the topic holds a wildcard or U+0000 at byte " + (i - 2));
                }
            }

            int packetId = qos > 0 ? PacketId(body, 2 + topicLength, "PUBLISH") : 0;
            int payloadOffset = 2 + topicLength + idBytes;
            message.Set(body, 2, topicLength, payloadOffset, length - payloadOffset, qos, (header & 0x08) != 0, (header & 0x01) != 0, packetId);
        }

        /// <summary>Checks that a PINGRESP is empty, as MQTT requires.</summary>
        public static void ReadPingresp(int length)
        {
            RequireLength(length, 0, "PINGRESP");
        }

        private static int PacketId(byte[] body, int at, string packet)
        {
            int id = (body[at] << 8) | body[at + 1];
            if (id == 0)
            {
                throw Malformed(packet, "packet identifier 0");
            }

            return id;
        }

        private static void RequireLength(int length, int expected, string packet)
        {
            if (length != expected)
            {
                throw Malformed(packet, "remaining length is " + length + ", must be " + expected);
            }
        }

        private static MqttException Malformed(string packet, string detail)
        {
            return new MqttException(MqttError.MalformedPacket, "malformed " + packet + " from the broker: " + detail);
        }
    }
}
