namespace CellularIot.Tests.Cloud.Mqtt.Support
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// Packets a broker sends, built by hand (independently of the client's encoder) for scripting
    /// <see cref="ScriptedBroker"/>. Remaining lengths here stay below 128, so each is one byte.
    /// </summary>
    public static class BrokerPackets
    {
        /// <summary>CONNACK: 20 02 flags code.</summary>
        public static byte[] Connack(int code, bool sessionPresent)
        {
            return new byte[] { 0x20, 0x02, (byte)(sessionPresent ? 1 : 0), (byte)code };
        }

        /// <summary>PUBACK: 40 02 id.</summary>
        public static byte[] Puback(int packetId)
        {
            return new byte[] { 0x40, 0x02, (byte)(packetId >> 8), (byte)packetId };
        }

        /// <summary>PINGRESP: D0 00.</summary>
        public static byte[] Pingresp()
        {
            return new byte[] { 0xD0, 0x00 };
        }

        /// <summary>SUBACK: 90 len id codes.</summary>
        public static byte[] Suback(int packetId, byte[] codes)
        {
            byte[] packet = new byte[4 + codes.Length];
            packet[0] = 0x90;
            packet[1] = (byte)(2 + codes.Length);
            packet[2] = (byte)(packetId >> 8);
            packet[3] = (byte)packetId;
            Array.Copy(codes, 0, packet, 4, codes.Length);
            return packet;
        }

        /// <summary>PUBLISH at QoS 0 or 1 with a short topic and payload.</summary>
        public static byte[] Publish(string topic, string payload, int qos, int packetId, bool dup)
        {
            byte[] topicBytes = Utf8.GetBytes(topic);
            byte[] payloadBytes = Utf8.GetBytes(payload);
            int idBytes = qos > 0 ? 2 : 0;
            int remaining = 2 + topicBytes.Length + idBytes + payloadBytes.Length;
            if (remaining > 127)
            {
                throw new ArgumentException("keep scripted packets short", nameof(payload));
            }

            byte[] packet = new byte[2 + remaining];
            packet[0] = (byte)(0x30 | (dup ? 0x08 : 0) | (qos << 1));
            packet[1] = (byte)remaining;
            packet[2] = (byte)(topicBytes.Length >> 8);
            packet[3] = (byte)topicBytes.Length;
            Array.Copy(topicBytes, 0, packet, 4, topicBytes.Length);
            int at = 4 + topicBytes.Length;
            if (qos > 0)
            {
                packet[at++] = (byte)(packetId >> 8);
                packet[at++] = (byte)packetId;
            }

            Array.Copy(payloadBytes, 0, packet, at, payloadBytes.Length);
            return packet;
        }

        /// <summary>Joins byte arrays, for several packets in one script step.</summary>
        public static byte[] Concat(byte[] first, byte[] second)
        {
            byte[] joined = new byte[first.Length + second.Length];
            Array.Copy(first, 0, joined, 0, first.Length);
            Array.Copy(second, 0, joined, first.Length, second.Length);
            return joined;
        }
    }
}
