namespace CellularIot.Cloud.Mqtt
{
    using System;
    using CellularIot.Net;
    using CellularIot.Support;

    /// <summary>
    /// The client's receive side: reads the broker's bytes a chunk at a time, frames them into packets and handles
    /// each one: a PUBLISH goes to the listener (once: a redelivery is acknowledged but not handed on again) and is
    /// acknowledged at QoS 1, a PUBACK frees its in-flight slot and is reported, a SUBACK answers the waiting
    /// subscribe, a PINGRESP the keep-alive. It runs on the session's thread only, and reads outside the
    /// connection's lock, so a publish is never held up by a read.
    /// </summary>
    internal sealed class MqttReceiver
    {
        private readonly MqttConnection connection;
        private readonly InFlightTable inFlight;
        private readonly PendingSubscribe subscribe;
        private readonly IMqttListener listener;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly byte[] readChunk;
        private readonly byte[] pubackBuffer = new byte[4];
        private readonly PacketFramer framer;
        private readonly RedeliveryFilter redeliveries;
        private readonly MqttMessage received = new MqttMessage();
        private int stagedOffset;
        private int stagedCount;
        private int redeliveriesDropped;

        public MqttReceiver(MqttSettings settings, MqttConnection connection, InFlightTable inFlight, PendingSubscribe subscribe, IMqttListener listener, IClock clock, ILog log)
        {
            this.connection = connection;
            this.inFlight = inFlight;
            this.subscribe = subscribe;
            this.listener = listener;
            this.clock = clock;
            this.log = log;
            readChunk = new byte[settings.ReadChunkBytes];
            framer = new PacketFramer(settings.MaxIncomingPacketBytes);
            redeliveries = new RedeliveryFilter(settings.RedeliveryHistory, settings.RedeliveryWindowMs);
        }

        /// <summary>The framer, whose whole packet the caller may take (the CONNACK) before calling <see cref="PacketFramer.Next"/>.</summary>
        public PacketFramer Framer
        {
            get { return framer; }
        }

        /// <summary>Redelivered QoS 1 messages acknowledged without being handed to the listener again.</summary>
        public int RedeliveriesDropped
        {
            get
            {
                lock (connection.Sync)
                {
                    return redeliveriesDropped;
                }
            }
        }

        /// <summary>Forgets what the last connection left half-read.</summary>
        public void Reset()
        {
            framer.Reset();
            stagedCount = 0;
        }

        /// <summary>
        /// Reads once (waiting at most <paramref name="waitMs"/>) unless bytes are already staged, and handles every
        /// packet they complete.
        /// </summary>
        /// <exception cref="MqttException">The broker broke the protocol.</exception>
        /// <exception cref="TransportClosedException">The connection closed.</exception>
        public void Receive(int waitMs)
        {
            if (stagedCount == 0)
            {
                int read = connection.Transport.Read(readChunk, 0, readChunk.Length, waitMs);
                if (read == 0)
                {
                    return;
                }

                stagedOffset = 0;
                stagedCount = read;
            }

            while (stagedCount > 0 && connection.IsConnected)
            {
                if (FeedStaged())
                {
                    Dispatch();
                    framer.Next();
                }
            }
        }

        /// <summary>Reads until one whole packet is framed or the deadline passes; true when a packet is ready.</summary>
        public bool ReceivePacket(long deadline)
        {
            while (!FeedStaged())
            {
                long left = deadline - clock.MonotonicMs;
                if (left <= 0)
                {
                    return false;
                }

                int read = connection.Transport.Read(readChunk, 0, readChunk.Length, left > int.MaxValue ? int.MaxValue : (int)left);
                stagedOffset = 0;
                stagedCount = read;
            }

            return true;
        }

        /// <summary>How a closed connection reads in a message: cut in the middle of a packet, or between packets.</summary>
        public string ClosedDetail(TransportClosedException ex)
        {
            if (framer.InPacket)
            {
                return "the connection closed in the middle of a packet (" + framer.Progress + "): " + ex.Message;
            }

            return "the connection closed: " + ex.Message;
        }

        // Feeds staged bytes to the framer; true when a whole packet is ready.
        private bool FeedStaged()
        {
            if (stagedCount > 0 && !framer.HasPacket)
            {
                int used = framer.Feed(readChunk, stagedOffset, stagedCount);
                stagedOffset += used;
                stagedCount -= used;
            }

            return framer.HasPacket;
        }

        private void Dispatch()
        {
            int type = framer.Type;
            switch (type)
            {
                case PacketType.Publish:
                    HandlePublish();
                    break;
                case PacketType.Puback:
                    HandlePuback(PacketDecoder.ReadPacketId(framer.Body, framer.BodyLength, "PUBACK"));
                    break;
                case PacketType.Suback:
                    HandleSuback();
                    break;
                case PacketType.Pingresp:
                    PacketDecoder.ReadPingresp(framer.BodyLength);
                    connection.PingAnswered();
                    break;
                case PacketType.Connack:
                    throw new MqttException(MqttError.ProtocolViolation, "a second CONNACK arrived on an open connection");
                default:
                    throw new MqttException(MqttError.ProtocolViolation, PacketType.Name(type) + " is not expected: this client uses neither QoS 2 nor UNSUBSCRIBE");
            }
        }

        private void HandlePublish()
        {
            PacketDecoder.ReadPublish(framer.Header, framer.Body, framer.BodyLength, received);
            if (received.Qos == 2)
            {
                throw new MqttException(MqttError.ProtocolViolation, "the broker sent a QoS 2 PUBLISH; this client subscribes at QoS 0 or 1 only");
            }

            bool redelivery = received.Qos == 1 && redeliveries.IsRedelivery(received, connection.Number, clock.MonotonicMs);
            if (redelivery)
            {
                lock (connection.Sync)
                {
                    redeliveriesDropped++;
                }
            }
            else
            {
                try
                {
                    listener.OnMessage(received);
                }
                catch (Exception ex)
                {
                    // The message is still acknowledged: one that crashes its handler would otherwise come back forever.
                    log.Warn("MQTT message handler failed: " + ex.Message);
                }
            }

            if (received.Qos == 1)
            {
                lock (connection.Sync)
                {
                    if (connection.IsConnected)
                    {
                        connection.Send(pubackBuffer, PacketEncoder.Puback(pubackBuffer, received.PacketId));
                    }
                }
            }
        }

        // The answer to the SUBSCRIBE that went out with CONNECT (or to one a caller waits for, which reads it too).
        private void HandleSuback()
        {
            int packetId;
            SubscribeResult result = null;
            lock (connection.Sync)
            {
                if (subscribe.Take(framer.Body, framer.BodyLength, out packetId))
                {
                    result = subscribe.Result(packetId);
                    subscribe.End();
                }
            }

            if (result == null)
            {
                log.Warn("MQTT SUBACK for packet " + packetId + ", which no SUBSCRIBE is waiting for");
            }
            else if (!result.AllGranted)
            {
                log.Warn("MQTT: " + result.FailureCount + " subscription(s) refused by the broker");
            }
        }

        private void HandlePuback(int packetId)
        {
            bool known;
            lock (connection.Sync)
            {
                known = inFlight.Acknowledge(packetId);
            }

            if (!known)
            {
                // Possible after a quarantine or a duplicate PUBACK; nothing is waiting for it.
                log.Warn("MQTT PUBACK for packet " + packetId + ", which is not in flight");
                return;
            }

            try
            {
                listener.OnDelivered(packetId);
            }
            catch (Exception ex)
            {
                log.Warn("MQTT delivery handler failed: " + ex.Message);
            }
        }
    }
}
