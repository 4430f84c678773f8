namespace CellularIot.Cloud.Mqtt
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Net;
    using CellularIot.Support;

    /// <summary>
    /// An MQTT 3.1.1 client for AWS IoT Core over one <see cref="ITransport"/> at a time, with every buffer
    /// allocated at construction: a steady-state publish or receive allocates nothing.
    /// <para>
    /// Threading. The client owns no thread. Its receive side is driven by the session's thread, which calls
    /// <see cref="Connect"/>, then <see cref="Subscribe"/>, then <see cref="Poll"/> in a loop; Poll waits inside
    /// <see cref="ITransport.Read"/> (never spins), handles what arrives, sends keep-alive pings, and returns
    /// false once the connection is lost. These three are serialised by a lock. <see cref="Publish(string, byte[], int, int, int)"/>
    /// and <see cref="Disconnect"/> may be called from any thread at any time; writes are serialised by a
    /// second lock, so the transport sees one writer and one reader at once.
    /// </para>
    /// <para>
    /// Reconnecting. The session calls <see cref="Connect"/> again with a new transport. Unacknowledged QoS 1
    /// messages stay in the in-flight table across connections and are sent again, with DUP, right after
    /// the next CONNACK, until their PUBACK arrives or they are quarantined.
    /// </para>
    /// </summary>
    public class MqttClient
    {
        private const int MaxClientIdBytes = 128;
        private const int MaxInFlightCapacity = 1024;

        private readonly object sync = new object();
        private readonly object receiveGate = new object();
        private readonly MqttSettings settings;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly IMqttListener listener;
        private readonly byte[] sendBuffer;
        private readonly byte[] controlBuffer = new byte[4];
        private readonly byte[] readChunk;
        private readonly PacketFramer framer;
        private readonly InFlightTable inFlight;
        private readonly RedeliveryFilter redeliveries;
        private readonly MqttMessage received = new MqttMessage();
        private readonly PacketIdSequence packetIds = new PacketIdSequence();

        private ITransport transport;
        private bool connected;
        private int connection;
        private long lastSentMs;
        private bool pingOutstanding;
        private long pingSentMs;
        private int stagedOffset;
        private int stagedCount;

        private int subscribeId;
        private SubscribeReturnCode[] subackCodes;
        private bool subackReceived;

        private bool lossPending;
        private ConnectionLossReason lossReason;
        private string lossDetail;
        private QuarantinedMessage quarantinedReport;
        private int quarantinedCount;
        private int redeliveriesDropped;

        /// <summary>Creates a client and allocates its buffers; it connects only when <see cref="Connect"/> is called.</summary>
        /// <exception cref="ArgumentException">A setting is out of range or the ICCID is not a valid topic level.</exception>
        /// <exception cref="MqttException">The CONNECT packet does not fit <see cref="MqttSettings.MaxPacketBytes"/>.</exception>
        public MqttClient(MqttSettings settings, IClock clock, ILog log, IMqttListener listener)
        {
            if (settings == null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            if (log == null)
            {
                throw new ArgumentNullException(nameof(log));
            }

            if (listener == null)
            {
                throw new ArgumentNullException(nameof(listener));
            }

            if (Utf8.GetByteCount(settings.ClientId) > MaxClientIdBytes)
            {
                throw new ArgumentException("AWS IoT Core takes a client ID of at most " + MaxClientIdBytes + " bytes", nameof(settings));
            }

            RequireAtLeast(settings.MaxPacketBytes, MqttSettings.MinBufferBytes, "MaxPacketBytes");
            RequireAtLeast(settings.MaxIncomingPacketBytes, MqttSettings.MinBufferBytes, "MaxIncomingPacketBytes");
            RequireAtLeast(settings.ReadChunkBytes, 1, "ReadChunkBytes");
            RequireAtLeast(settings.InFlightSlotBytes, MqttSettings.MinBufferBytes, "InFlightSlotBytes");
            RequireAtLeast(settings.PingTimeoutMs, 1, "PingTimeoutMs");
            RequireAtLeast(settings.SubackTimeoutMs, 1, "SubackTimeoutMs");
            RequireAtLeast(settings.QuarantineAfterDrops, 1, "QuarantineAfterDrops");
            RequireAtLeast(settings.RejectWindowMs, 0, "RejectWindowMs");
            RequireAtLeast(settings.RedeliveryHistory, 1, "RedeliveryHistory");
            RequireAtLeast(settings.RedeliveryWindowMs, 0, "RedeliveryWindowMs");
            if (settings.InFlightCapacity < 1 || settings.InFlightCapacity > MaxInFlightCapacity)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "InFlightCapacity is 1.." + MaxInFlightCapacity);
            }

            this.settings = settings;
            this.clock = clock;
            this.log = log;
            this.listener = listener;
            sendBuffer = new byte[settings.MaxPacketBytes];
            readChunk = new byte[settings.ReadChunkBytes];
            framer = new PacketFramer(settings.MaxIncomingPacketBytes);
            inFlight = new InFlightTable(settings.InFlightCapacity, settings.InFlightSlotBytes);
            redeliveries = new RedeliveryFilter(settings.RedeliveryHistory, settings.RedeliveryWindowMs);

            // Fail now, not at the first connection, when the user name (which carries the token) cannot fit.
            try
            {
                PacketEncoder.Connect(sendBuffer, settings.ClientId, settings.Username, settings.CleanSession, settings.KeepAliveSeconds);
            }
            catch (MqttException ex)
            {
                throw new MqttException(MqttError.PacketTooLarge, ex.Message + ": raise MaxPacketBytes");
            }
        }

        /// <summary>True from an accepted CONNACK until the connection is lost or closed.</summary>
        public bool IsConnected
        {
            get
            {
                lock (sync)
                {
                    return connected;
                }
            }
        }

        /// <summary>Unacknowledged QoS 1 messages held for retransmission.</summary>
        public int InFlightCount
        {
            get
            {
                lock (sync)
                {
                    return inFlight.Count;
                }
            }
        }

        /// <summary>QoS 1 messages set aside since the client was created.</summary>
        public int QuarantinedCount
        {
            get
            {
                lock (sync)
                {
                    return quarantinedCount;
                }
            }
        }

        /// <summary>Redelivered QoS 1 messages acknowledged without being handed to the application again.</summary>
        public int RedeliveriesDropped
        {
            get
            {
                lock (sync)
                {
                    return redeliveriesDropped;
                }
            }
        }

        /// <summary>
        /// Sends CONNECT over <paramref name="newTransport"/> (already open) and waits up to
        /// <see cref="MqttSettings.ConnackTimeoutMs"/> for CONNACK. When accepted, unacknowledged QoS 1 messages
        /// are sent again with DUP. Any other outcome closes the transport. Call from the session thread.
        /// </summary>
        /// <exception cref="MqttException"><see cref="MqttError.AlreadyConnected"/> when a connection is up.</exception>
        public ConnectResult Connect(ITransport newTransport)
        {
            if (newTransport == null)
            {
                throw new ArgumentNullException(nameof(newTransport));
            }

            lock (receiveGate)
            {
                // A loss nobody polled for is still owed to the listener, before the new connection starts.
                FlushReports();
                lock (sync)
                {
                    if (connected)
                    {
                        throw new MqttException(MqttError.AlreadyConnected, "Connect called while connection " + connection + " is up; Disconnect first");
                    }

                    transport = newTransport;
                    connection++;
                    framer.Reset();
                    stagedCount = 0;
                    pingOutstanding = false;
                    int length = PacketEncoder.Connect(sendBuffer, settings.ClientId, settings.Username, settings.CleanSession, settings.KeepAliveSeconds);
                    try
                    {
                        transport.Write(sendBuffer, 0, length);
                    }
                    catch (TransportClosedException ex)
                    {
                        return Refuse(ConnectOutcome.ClosedBeforeConnack, false, "the connection closed before CONNACK, while sending CONNECT: " + ex.Message);
                    }
                }

                return AwaitConnack();
            }
        }

        /// <summary>
        /// Uses <paramref name="username"/> from the next <see cref="Connect"/> on. A refreshed login thus keeps
        /// this client, and with it the unacknowledged QoS 1 messages that the next connection sends again.
        /// </summary>
        /// <exception cref="MqttException"><see cref="MqttError.PacketTooLarge"/> when the CONNECT would not fit; nothing changes.</exception>
        public void ChangeUsername(string username)
        {
            lock (sync)
            {
                if (connected)
                {
                    throw new MqttException(MqttError.AlreadyConnected, "change the user name between connections");
                }

                try
                {
                    PacketEncoder.Connect(sendBuffer, settings.ClientId, username, settings.CleanSession, settings.KeepAliveSeconds);
                }
                catch (MqttException ex)
                {
                    throw new MqttException(MqttError.PacketTooLarge, ex.Message + ": raise MaxPacketBytes");
                }

                settings.Username = username;
            }
        }

        /// <summary>Publishes at QoS 0 or 1, never retained. See <see cref="Publish(string, byte[], int, int, int, bool)"/>.</summary>
        public int Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            return Publish(topic, payload, offset, count, qos, false);
        }

        /// <summary>
        /// Publishes <paramref name="count"/> bytes of <paramref name="payload"/> to <paramref name="topic"/>. The
        /// topic is taken as it is (the session checks it against the topic rules first). QoS 0 is written and
        /// forgotten. QoS 1 is copied into an in-flight slot, written, and kept until its PUBACK
        /// (<see cref="IMqttListener.OnDelivered"/>); if the write fails the message stays and goes out again after
        /// the next Connect, so the call still succeeds. Callable from any thread; allocates nothing.
        /// </summary>
        /// <returns>The packet identifier for QoS 1, 0 for QoS 0.</returns>
        /// <exception cref="MqttException">QoS 2 or RETAIN asked for, the packet is too large, no connection, the in-flight table is full, or a QoS 0 write failed.</exception>
        public int Publish(string topic, byte[] payload, int offset, int count, int qos, bool retain)
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
            if (qos == 0 && size > sendBuffer.Length)
            {
                throw new MqttException(MqttError.PacketTooLarge, "PUBLISH of " + size + " bytes does not fit the send buffer of " + sendBuffer.Length + " (MaxPacketBytes)");
            }

            if (qos == 1 && size > inFlight.SlotBytes)
            {
                throw new MqttException(MqttError.PacketTooLarge, "QoS 1 PUBLISH of " + size + " bytes does not fit an in-flight slot of " + inFlight.SlotBytes + " (InFlightSlotBytes)");
            }

            lock (sync)
            {
                if (!connected)
                {
                    throw new MqttException(MqttError.NotConnected, "not connected: publish after Connect has been accepted");
                }

                if (qos == 0)
                {
                    int length = PacketEncoder.Publish(sendBuffer, topic, topicBytes, payload, offset, count, 0, 0);
                    if (!Send(sendBuffer, length))
                    {
                        throw new MqttException(MqttError.ConnectionLost, "the QoS 0 message was not sent: " + lossDetail);
                    }

                    return 0;
                }

                int slot = inFlight.FindFree();
                if (slot < 0)
                {
                    throw new MqttException(MqttError.InFlightFull, "all " + inFlight.Capacity + " in-flight slots hold unacknowledged QoS 1 messages; wait for PUBACKs (InFlightCapacity)");
                }

                int packetId = packetIds.Next(inFlight, subscribeId);
                byte[] packet = inFlight.Packet(slot);
                int packetLength = PacketEncoder.Publish(packet, topic, topicBytes, payload, offset, count, 1, packetId);
                inFlight.Commit(slot, packetId, packetLength);
                if (Send(packet, packetLength))
                {
                    inFlight.MarkSent(slot, connection, lastSentMs);
                }

                return packetId;
            }
        }

        /// <summary>
        /// Subscribes to 1..8 filters at QoS 0 or 1 and waits up to <see cref="MqttSettings.SubackTimeoutMs"/> for
        /// the SUBACK, handling other packets meanwhile. Call from the session thread. A refused filter is
        /// reported in the result (code 0x80), not thrown.
        /// </summary>
        /// <exception cref="MqttException">QoS 2 asked for, no connection, the connection lost before the SUBACK, or no SUBACK in time.</exception>
        public SubscribeResult Subscribe(string[] filters, int qos)
        {
            if (qos != 0 && qos != 1)
            {
                throw new MqttException(MqttError.QosNotSupported, "QoS " + qos + " refused: AWS IoT Core supports QoS 0 and 1 only");
            }

            lock (receiveGate)
            {
                int packetId;
                lock (sync)
                {
                    if (!connected)
                    {
                        throw new MqttException(MqttError.NotConnected, "not connected: subscribe after Connect has been accepted");
                    }

                    packetId = packetIds.Next(inFlight, subscribeId);
                    int length = PacketEncoder.Subscribe(sendBuffer, packetId, filters, qos);
                    subscribeId = packetId;
                    subackCodes = new SubscribeReturnCode[filters.Length];
                    subackReceived = false;
                    if (!Send(sendBuffer, length))
                    {
                        subscribeId = 0;
                        throw new MqttException(MqttError.ConnectionLost, "SUBSCRIBE not sent: " + lossDetail);
                    }
                }

                try
                {
                    return AwaitSuback(packetId);
                }
                finally
                {
                    lock (sync)
                    {
                        subscribeId = 0;
                    }
                }
            }
        }

        /// <summary>
        /// Waits up to <paramref name="timeoutMs"/> for bytes from the broker and handles the packets they
        /// complete; sends PINGREQ when the keep-alive is due and declares the connection lost when the
        /// PINGRESP is late. Reports a lost connection to <see cref="IMqttListener.OnConnectionLost"/> (once).
        /// Call it in a loop from the session thread, at least every few seconds.
        /// </summary>
        /// <returns>True while the connection is up; false once it is lost (reconnect with <see cref="Connect"/>).</returns>
        public bool Poll(int timeoutMs)
        {
            if (timeoutMs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(timeoutMs), "a timeout is not negative");
            }

            lock (receiveGate)
            {
                try
                {
                    int wait = KeepAlive(timeoutMs);
                    if (wait >= 0)
                    {
                        Receive(wait);
                        KeepAlive(0);
                    }
                }
                catch (MqttException ex)
                {
                    Lose(ReasonFor(ex.Error), ex.Message);
                }
                catch (TransportClosedException ex)
                {
                    Lose(ConnectionLossReason.TransportClosed, ClosedDetail(ex));
                }

                FlushReports();
                return IsConnected;
            }
        }

        /// <summary>
        /// Sends DISCONNECT and closes the transport; the next <see cref="Poll"/> reports
        /// <see cref="ConnectionLossReason.LocalDisconnect"/>. Unacknowledged QoS 1 messages are kept for the next
        /// connection. Callable from any thread; does nothing when not connected.
        /// </summary>
        public void Disconnect()
        {
            lock (sync)
            {
                if (!connected)
                {
                    return;
                }

                int length = PacketEncoder.Disconnect(controlBuffer);
                try
                {
                    transport.Write(controlBuffer, 0, length);
                }
                catch (TransportClosedException ex)
                {
                    // The connection is gone either way; the reason recorded below is what the caller asked for.
                    log.Info("MQTT DISCONNECT not sent: " + ex.Message);
                }

                Lose(ConnectionLossReason.LocalDisconnect, "disconnected by the application");
            }
        }

        private ConnectResult AwaitConnack()
        {
            long deadline = clock.MonotonicMs + settings.ConnackTimeoutMs;
            int code;
            bool sessionPresent;
            try
            {
                while (!ReceivePacket(deadline))
                {
                    if (clock.MonotonicMs >= deadline)
                    {
                        return Refuse(ConnectOutcome.ConnackTimeout, false, "no CONNACK within " + settings.ConnackTimeoutMs + " ms");
                    }
                }

                if (framer.Type != PacketType.Connack)
                {
                    return Refuse(ConnectOutcome.ProtocolError, false, "the broker answered CONNECT with " + PacketType.Name(framer.Type) + " instead of CONNACK");
                }

                code = PacketDecoder.ReadConnack(framer.Body, framer.BodyLength, out sessionPresent);
                framer.Next();
            }
            catch (TransportClosedException ex)
            {
                return Refuse(ConnectOutcome.ClosedBeforeConnack, false, "the connection closed before CONNACK (" + ClosedDetail(ex) + "); with AWS IoT Core custom auth this usually means the login was refused");
            }
            catch (MqttException ex)
            {
                return Refuse(ConnectOutcome.ProtocolError, false, ex.Message);
            }

            if (code != 0)
            {
                return Refuse((ConnectOutcome)code, sessionPresent, "CONNACK return code " + code + ": " + ConnackText(code));
            }

            int resent = 0;
            lock (sync)
            {
                connected = true;
                lossPending = false;
                pingOutstanding = false;
                lastSentMs = clock.MonotonicMs;
                for (int slot = inFlight.First(); slot >= 0 && connected; slot = inFlight.Next(slot))
                {
                    byte[] packet = inFlight.Packet(slot);
                    PacketEncoder.SetDup(packet, 0);
                    if (Send(packet, inFlight.Length(slot)))
                    {
                        inFlight.MarkSent(slot, connection, lastSentMs);
                        resent++;
                    }
                }
            }

            log.Info("MQTT connected as " + settings.ClientId + " (connection " + connection + ", session present: " + (sessionPresent ? "yes" : "no") + ", " + resent + " unacknowledged messages resent)");
            return new ConnectResult(ConnectOutcome.Accepted, sessionPresent, "accepted");
        }

        private ConnectResult Refuse(ConnectOutcome outcome, bool sessionPresent, string detail)
        {
            transport.Close();
            log.Warn("MQTT connect failed: " + detail);
            return new ConnectResult(outcome, sessionPresent, detail);
        }

        private SubscribeResult AwaitSuback(int packetId)
        {
            long deadline = clock.MonotonicMs + settings.SubackTimeoutMs;
            try
            {
                while (!subackReceived)
                {
                    if (!IsConnected)
                    {
                        throw new MqttException(MqttError.ConnectionLost, "connection lost before the SUBACK: " + lossDetail);
                    }

                    long left = deadline - clock.MonotonicMs;
                    if (left <= 0)
                    {
                        throw new MqttException(MqttError.SubackTimeout, "no SUBACK for SUBSCRIBE " + packetId + " within " + settings.SubackTimeoutMs + " ms");
                    }

                    int wait = KeepAlive(left);
                    if (wait >= 0)
                    {
                        Receive(wait);
                    }
                }
            }
            catch (TransportClosedException ex)
            {
                Lose(ConnectionLossReason.TransportClosed, ClosedDetail(ex));
                throw new MqttException(MqttError.ConnectionLost, "connection lost before the SUBACK: " + lossDetail);
            }
            catch (MqttException ex)
            {
                if (ex.Error == MqttError.ConnectionLost || ex.Error == MqttError.SubackTimeout)
                {
                    throw;
                }

                Lose(ReasonFor(ex.Error), ex.Message);
                throw new MqttException(MqttError.ConnectionLost, "connection lost before the SUBACK: " + ex.Message);
            }

            return new SubscribeResult(packetId, subackCodes);
        }

        // Sends PINGREQ when nothing has been sent for a keep-alive period, declares the connection lost when
        // a PINGRESP is late, and returns how long the caller may wait for data (at most maxWaitMs), or -1
        // when the connection is down.
        private int KeepAlive(long maxWaitMs)
        {
            lock (sync)
            {
                if (!connected)
                {
                    return -1;
                }

                long now = clock.MonotonicMs;
                long due;
                if (pingOutstanding)
                {
                    due = pingSentMs + settings.PingTimeoutMs;
                    if (now >= due)
                    {
                        Lose(ConnectionLossReason.PingTimeout, "no PINGRESP within " + settings.PingTimeoutMs + " ms of PINGREQ");
                        return -1;
                    }
                }
                else
                {
                    due = lastSentMs + (settings.KeepAliveSeconds * 1000L);
                    if (now >= due)
                    {
                        int length = PacketEncoder.Pingreq(controlBuffer);
                        if (!Send(controlBuffer, length))
                        {
                            return -1;
                        }

                        pingOutstanding = true;
                        pingSentMs = now;
                        due = now + settings.PingTimeoutMs;
                    }
                }

                long wait = due - now;
                return (int)(wait < maxWaitMs ? wait : maxWaitMs);
            }
        }

        // Reads once (waiting at most waitMs) unless bytes are already staged, and handles every packet they
        // complete. Runs on the receive side only, outside the state lock, so a publish is never held up by
        // a read.
        private void Receive(int waitMs)
        {
            if (stagedCount == 0)
            {
                int read = transport.Read(readChunk, 0, readChunk.Length, waitMs);
                if (read == 0)
                {
                    return;
                }

                stagedOffset = 0;
                stagedCount = read;
            }

            while (stagedCount > 0 && IsConnected)
            {
                if (FeedStaged())
                {
                    Dispatch();
                    framer.Next();
                }
            }
        }

        // Reads until one whole packet is framed or the deadline passes; true when a packet is ready.
        private bool ReceivePacket(long deadline)
        {
            while (!FeedStaged())
            {
                long left = deadline - clock.MonotonicMs;
                if (left <= 0)
                {
                    return false;
                }

                int read = transport.Read(readChunk, 0, readChunk.Length, left > int.MaxValue ? int.MaxValue : (int)left);
                stagedOffset = 0;
                stagedCount = read;
            }

            return true;
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
                    lock (sync)
                    {
                        pingOutstanding = false;
                    }

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

            bool redelivery = received.Qos == 1 && redeliveries.IsRedelivery(received, connection, clock.MonotonicMs);
            if (redelivery)
            {
                lock (sync)
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
                lock (sync)
                {
                    if (connected)
                    {
                        Send(controlBuffer, PacketEncoder.Puback(controlBuffer, received.PacketId));
                    }
                }
            }
        }

        private void HandlePuback(int packetId)
        {
            bool known;
            lock (sync)
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

        private void HandleSuback()
        {
            int packetId = framer.BodyLength >= 2 ? (framer.Body[0] << 8) | framer.Body[1] : 0;
            if (packetId != 0 && packetId == subscribeId)
            {
                PacketDecoder.ReadSuback(framer.Body, framer.BodyLength, subackCodes);
                subackReceived = true;
            }
            else
            {
                PacketDecoder.ReadSuback(framer.Body, framer.BodyLength, null);
                log.Warn("MQTT SUBACK for packet " + packetId + ", which no SUBSCRIBE is waiting for");
            }
        }

        // Writes one packet; on failure marks the connection lost and returns false. Caller holds sync.
        private bool Send(byte[] packet, int length)
        {
            try
            {
                transport.Write(packet, 0, length);
            }
            catch (TransportClosedException ex)
            {
                Lose(ConnectionLossReason.WriteFailed, "sending failed: " + ex.Message);
                return false;
            }

            lastSentMs = clock.MonotonicMs;
            return true;
        }

        // Ends the connection once, keeps the reason for the report, and counts the drop against the QoS 1
        // message most likely to have caused it when the broker is the one that closed.
        private void Lose(ConnectionLossReason reason, string detail)
        {
            lock (sync)
            {
                if (!connected)
                {
                    return;
                }

                connected = false;
                lossPending = true;
                lossReason = reason;
                lossDetail = detail;
                transport.Close();
                if (reason == ConnectionLossReason.TransportClosed || reason == ConnectionLossReason.WriteFailed)
                {
                    CountDrop();
                }
            }
        }

        private void CountDrop()
        {
            int slot = inFlight.CountDrop(connection, clock.MonotonicMs, settings.RejectWindowMs);
            if (slot < 0 || inFlight.Drops(slot) < settings.QuarantineAfterDrops)
            {
                return;
            }

            quarantinedReport = new QuarantinedMessage(inFlight.PacketId(slot), inFlight.Topic(slot), inFlight.CopyPayload(slot), inFlight.Drops(slot));
            inFlight.Free(slot);
            quarantinedCount++;
        }

        // Tells the listener about a quarantine and a lost connection, outside every lock.
        private void FlushReports()
        {
            QuarantinedMessage quarantined;
            bool reportLoss;
            ConnectionLossReason reason;
            string detail;
            lock (sync)
            {
                quarantined = quarantinedReport;
                quarantinedReport = null;
                reportLoss = lossPending;
                lossPending = false;
                reason = lossReason;
                detail = lossDetail;
            }

            if (quarantined != null)
            {
                log.Warn("MQTT message " + quarantined.PacketId + " to " + quarantined.Topic + " quarantined after " + quarantined.Drops + " connection drops right after sending it");
                try
                {
                    listener.OnQuarantined(quarantined);
                }
                catch (Exception ex)
                {
                    log.Warn("MQTT quarantine handler failed: " + ex.Message);
                }
            }

            if (reportLoss)
            {
                log.Warn("MQTT connection " + connection + " lost: " + detail);
                try
                {
                    listener.OnConnectionLost(reason, detail);
                }
                catch (Exception ex)
                {
                    log.Warn("MQTT connection-lost handler failed: " + ex.Message);
                }
            }
        }

        private string ClosedDetail(TransportClosedException ex)
        {
            if (framer.InPacket)
            {
                return "the connection closed in the middle of a packet (" + framer.Progress + "): " + ex.Message;
            }

            return "the connection closed: " + ex.Message;
        }

        private static ConnectionLossReason ReasonFor(MqttError error)
        {
            if (error == MqttError.MalformedPacket)
            {
                return ConnectionLossReason.MalformedPacket;
            }

            return error == MqttError.IncomingTooLarge ? ConnectionLossReason.IncomingTooLarge : ConnectionLossReason.ProtocolViolation;
        }

        private static string ConnackText(int code)
        {
            switch (code)
            {
                case 1: return "unacceptable protocol version";
                case 2: return "identifier rejected";
                case 3: return "server unavailable";
                case 4: return "bad user name or password (authentication failure)";
                default: return "not authorized (authentication failure)";
            }
        }

        private static void RequireAtLeast(int value, int minimum, string name)
        {
            if (value < minimum)
            {
                throw new ArgumentOutOfRangeException(name, name + " is " + value + ", must be at least " + minimum);
            }
        }
    }
}
