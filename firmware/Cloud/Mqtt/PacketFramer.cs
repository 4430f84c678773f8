namespace CellularIot.Cloud.Mqtt
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// Cuts the broker's byte stream into packets, however the transport splits it. Bytes are fed in as
    /// they arrive; the fixed header is checked as soon as it is read (a reserved packet type, bad flags, a
    /// remaining length longer than 4 bytes or above the limit) so garbage is refused before any body is
    /// buffered. The body goes into one buffer allocated at construction and reused for every packet.
    /// </summary>
    public class PacketFramer
    {
        private const int StateHeader = 0;
        private const int StateLength = 1;
        private const int StateBody = 2;
        private const int StateComplete = 3;

        private readonly byte[] body;
        private int state;
        private int header;
        private int remaining;
        private int lengthBytes;
        private int filled;

        /// <summary>Creates a framer that accepts packets with a remaining length up to <paramref name="maxRemainingLength"/>.</summary>
        public PacketFramer(int maxRemainingLength)
        {
            if (maxRemainingLength < 2 || maxRemainingLength > RemainingLength.Max)
            {
                throw new ArgumentOutOfRangeException(nameof(maxRemainingLength), "the limit is 2.." + RemainingLength.Max);
            }

            body = new byte[maxRemainingLength];
        }

        /// <summary>Largest remaining length accepted.</summary>
        public int MaxRemainingLength
        {
            get { return body.Length; }
        }

        /// <summary>True when a whole packet is ready; call <see cref="Next"/> once it has been handled.</summary>
        public bool HasPacket
        {
            get { return state == StateComplete; }
        }

        /// <summary>True when part of a packet has been read: a close now cuts a packet short.</summary>
        public bool InPacket
        {
            get { return state == StateLength || state == StateBody; }
        }

        /// <summary>The packet's first byte: type in the high nibble, flags in the low one.</summary>
        public int Header
        {
            get { return header; }
        }

        /// <summary>The packet type (<see cref="PacketType"/>).</summary>
        public int Type
        {
            get { return header >> 4; }
        }

        /// <summary>The fixed header's flags.</summary>
        public int Flags
        {
            get { return header & 0x0F; }
        }

        /// <summary>The packet's variable header and payload; valid until <see cref="Next"/>.</summary>
        public byte[] Body
        {
            get { return body; }
        }

        /// <summary>The remaining length: how much of <see cref="Body"/> is this packet.</summary>
        public int BodyLength
        {
            get { return remaining; }
        }

        /// <summary>What has been read of the current packet, for an error message when the stream stops.</summary>
        public string Progress
        {
            get
            {
                if (state == StateLength)
                {
                    return PacketType.Name(Type) + " cut short inside its remaining length";
                }

                return PacketType.Name(Type) + " cut short after " + filled + " of " + remaining + " body bytes";
            }
        }

        /// <summary>
        /// Takes bytes until a packet is complete or the bytes run out, and returns how many it took; the rest
        /// belong to the next packet.
        /// </summary>
        /// <exception cref="MqttException">The stream is not MQTT (<see cref="MqttError.MalformedPacket"/>) or a packet is over the limit (<see cref="MqttError.IncomingTooLarge"/>).</exception>
        public int Feed(byte[] source, int offset, int count)
        {
            int at = offset;
            int end = offset + count;
            while (at < end && state != StateComplete)
            {
                if (state == StateHeader)
                {
                    header = source[at++];
                    CheckHeader();
                    remaining = 0;
                    lengthBytes = 0;
                    filled = 0;
                    state = StateLength;
                }
                else if (state == StateLength)
                {
                    int digit = source[at++];
                    remaining |= (digit & 0x7F) << (7 * lengthBytes);
                    lengthBytes++;
                    if ((digit & 0x80) != 0)
                    {
                        if (lengthBytes == RemainingLength.MaxBytes)
                        {
                            throw new MqttException(MqttError.MalformedPacket, "malformed " + PacketType.Name(Type) + ": its remaining length runs past " + RemainingLength.MaxBytes + " bytes");
                        }
                    }
                    else
                    {
                        if (remaining > body.Length)
                        {
                            throw new MqttException(MqttError.IncomingTooLarge, "incoming " + PacketType.Name(Type) + " has a remaining length of " + remaining + " bytes, above the limit of " + body.Length + " (MaxIncomingPacketBytes)");
                        }

                        state = remaining == 0 ? StateComplete : StateBody;
                    }
                }
                else
                {
                    int take = remaining - filled;
                    if (take > end - at)
                    {
                        take = end - at;
                    }

                    Array.Copy(source, at, body, filled, take);
                    filled += take;
                    at += take;
                    if (filled == remaining)
                    {
                        state = StateComplete;
                    }
                }
            }

            return at - offset;
        }

        /// <summary>Drops the packet just handled and waits for the next one.</summary>
        public void Next()
        {
            state = StateHeader;
        }

        /// <summary>Forgets any partial packet, for a new connection.</summary>
        public void Reset()
        {
            state = StateHeader;
            filled = 0;
            remaining = 0;
        }

        // Refuses what a broker never sends in MQTT 3.1.1: the client-only types, reserved types 0 and 15, and
        // flags other than those section 2.2.2 fixes for each type.
        private void CheckHeader()
        {
            int type = header >> 4;
            int flags = header & 0x0F;
            switch (type)
            {
                case PacketType.Publish:
                    if ((flags & 0x06) == 0x06)
                    {
                        throw new MqttException(MqttError.MalformedPacket, "malformed PUBLISH: QoS bits are 3 (first byte 0x" + ToHex(header) + ")");
                    }

                    return;
                case PacketType.Pubrel:
                    if (flags != 0x02)
                    {
                        throw new MqttException(MqttError.MalformedPacket, "malformed PUBREL: flags must be 0010 (first byte 0x" + ToHex(header) + ")");
                    }

                    return;
                case PacketType.Connack:
                case PacketType.Puback:
                case PacketType.Pubrec:
                case PacketType.Pubcomp:
                case PacketType.Suback:
                case PacketType.Unsuback:
                case PacketType.Pingresp:
                    if (flags != 0)
                    {
                        throw new MqttException(MqttError.MalformedPacket, "malformed " + PacketType.Name(type) + ": reserved flags are not 0 (first byte 0x" + ToHex(header) + ")");
                    }

                    return;
                default:
                    throw new MqttException(MqttError.MalformedPacket, "not an MQTT packet a broker sends: first byte 0x" + ToHex(header) + " (" + PacketType.Name(type) + ")");
            }
        }

        private static string ToHex(int value)
        {
            return Hex.ToString(value, 2);
        }
    }
}
