namespace CellularIot.Cloud.Mqtt
{
    using System;

    /// <summary>
    /// A connection's first write: CONNECT, the QoS 1 messages waiting (oldest first, as many as fit) and the
    /// SUBSCRIBE of the connection's filters, in one buffer written at once. MQTT 3.1.1 lets a client send packets right
    /// after CONNECT without waiting for CONNACK (section 3.1.4), and every write costs a command on the modem and,
    /// waited for, a round trip: the three go out together and the broker answers them in order. Messages sent here
    /// are marked sent on the connection, so the resend after CONNACK skips them.
    /// </summary>
    internal sealed class ConnectPipeline
    {
        private readonly byte[] buffer;
        private bool subscribeIncluded;
        private int resentWithConnect;

        public ConnectPipeline(int capacity)
        {
            buffer = new byte[capacity];
        }

        /// <summary>Whether the last build holds the SUBSCRIBE (it did not fit when false: it is written on its own).</summary>
        public bool SubscribeIncluded
        {
            get { return subscribeIncluded; }
        }

        /// <summary>The bytes <see cref="Build"/> put together.</summary>
        public byte[] Buffer
        {
            get { return buffer; }
        }

        /// <summary>
        /// Puts CONNECT, the waiting messages of <paramref name="inFlight"/> and the SUBSCRIBE already encoded in
        /// <paramref name="subscribe"/> (<paramref name="subscribeLength"/> bytes, none when 0) together; returns the length. A
        /// message written on an earlier connection goes with DUP set.
        /// </summary>
        /// <exception cref="MqttException">The CONNECT does not fit.</exception>
        public int Build(MqttSettings settings, byte[] subscribe, int subscribeLength, InFlightTable inFlight, int connection, long nowMs)
        {
            resentWithConnect = 0;
            int at = PacketEncoder.Connect(buffer, settings.ClientId, settings.Username, settings.CleanSession, settings.KeepAliveSeconds);

            for (int slot = inFlight.First(); slot >= 0; slot = inFlight.Next(slot))
            {
                int length = inFlight.Length(slot);
                if (length > buffer.Length - at)
                {
                    break;
                }

                byte[] packet = inFlight.Packet(slot);
                if (inFlight.SentOn(slot) != 0)
                {
                    PacketEncoder.SetDup(packet, 0);
                    resentWithConnect++;
                }

                Array.Copy(packet, 0, buffer, at, length);
                at += length;
                inFlight.MarkSent(slot, connection, nowMs);
            }

            // The messages before the SUBSCRIBE: the broker answers in order, and the first message's PUBACK then
            // need not wait for the SUBACK.
            subscribeIncluded = subscribeLength > 0 && subscribeLength <= buffer.Length - at;
            if (subscribeIncluded)
            {
                Array.Copy(subscribe, 0, buffer, at, subscribeLength);
                at += subscribeLength;
            }

            return at;
        }

        /// <summary>
        /// Once the broker accepted the connection: writes the waiting messages that did not go out with CONNECT (DUP
        /// set on those written on an earlier connection); returns how many had been written before, with CONNECT or
        /// now. Caller holds the connection's lock.
        /// </summary>
        public int SendRest(MqttConnection connection, InFlightTable inFlight)
        {
            int resent = resentWithConnect;
            for (int slot = inFlight.First(); slot >= 0 && connection.IsConnected; slot = inFlight.Next(slot))
            {
                int sentOn = inFlight.SentOn(slot);
                if (sentOn == connection.Number)
                {
                    continue;
                }

                byte[] packet = inFlight.Packet(slot);
                if (sentOn != 0)
                {
                    PacketEncoder.SetDup(packet, 0);
                }

                if (connection.Send(packet, inFlight.Length(slot)))
                {
                    inFlight.MarkSent(slot, connection.Number, connection.LastSentMs);
                    resent += sentOn != 0 ? 1 : 0;
                }
            }

            return resent;
        }
    }
}
