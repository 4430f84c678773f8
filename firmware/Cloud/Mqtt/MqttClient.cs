namespace CellularIot.Cloud.Mqtt
{
    using System;
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
    /// <para>
    /// Parts. <see cref="MqttConnection"/> holds the connection's state, writes, keep-alive and reports;
    /// <see cref="MqttReceiver"/> reads and handles what the broker sends; this class is the protocol's
    /// requests (CONNECT, PUBLISH, SUBSCRIBE, DISCONNECT) and their waits.
    /// </para>
    /// </summary>
    public class MqttClient
    {
        private readonly object receiveGate = new object();
        private readonly MqttSettings settings;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly IMqttListener listener;
        private readonly byte[] sendBuffer;
        private readonly byte[] controlBuffer = new byte[2];
        private readonly InFlightTable inFlight;
        private readonly PacketIdSequence packetIds = new PacketIdSequence();
        private readonly PendingSubscribe subscribe = new PendingSubscribe();
        private readonly MqttConnection connection;
        private readonly MqttReceiver receiver;
        private readonly ConnectPipeline pipeline;

        // The connection's lock, which guards the in-flight table and the pending subscribe too.
        private readonly object sync;

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

            MqttSettings.Check(settings);
            this.settings = settings;
            this.clock = clock;
            this.log = log;
            this.listener = listener;
            sendBuffer = new byte[settings.MaxPacketBytes];
            pipeline = new ConnectPipeline(settings.MaxPacketBytes);
            inFlight = new InFlightTable(settings.InFlightCapacity, settings.InFlightSlotBytes);
            connection = new MqttConnection(settings, clock, log, inFlight);
            receiver = new MqttReceiver(settings, connection, inFlight, subscribe, listener, clock, log);
            sync = connection.Sync;

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
            get { return connection.IsConnected; }
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

        /// <summary>Redelivered QoS 1 messages acknowledged without being handed to the application again.</summary>
        public int RedeliveriesDropped
        {
            get { return receiver.RedeliveriesDropped; }
        }

        /// <summary>
        /// True once the broker answered the last SUBSCRIBE (granting every filter or not); false before any, and while
        /// one waits or went unanswered because its connection ended.
        /// </summary>
        public bool SubscribeAnswered
        {
            get { return subscribe.Answered; }
        }

        /// <summary>
        /// Sends CONNECT over <paramref name="newTransport"/> (already open), and in the same write a SUBSCRIBE to
        /// <paramref name="filters"/> at <paramref name="qos"/> (none when null) and the QoS 1 messages waiting (see
        /// <see cref="ConnectPipeline"/>), then waits up to <see cref="MqttSettings.ConnackTimeoutMs"/> for CONNACK.
        /// When accepted, waiting messages that did not fit are sent; the SUBACK is handled as it arrives (a refused
        /// filter is logged). Any other outcome closes the transport; the messages stay. Call from the session thread.
        /// </summary>
        /// <exception cref="MqttException"><see cref="MqttError.AlreadyConnected"/> when a connection is up.</exception>
        public ConnectResult Connect(ITransport newTransport, string[] filters, int qos)
        {
            if (newTransport == null)
            {
                throw new ArgumentNullException(nameof(newTransport));
            }

            lock (receiveGate)
            {
                // A loss nobody polled for is still owed to the listener, before the new connection starts.
                connection.FlushReports(listener);
                lock (sync)
                {
                    if (connection.IsConnected)
                    {
                        throw new MqttException(MqttError.AlreadyConnected, "Connect called while connection " + connection.Number + " is up; Disconnect first");
                    }

                    connection.Begin(newTransport);
                    receiver.Reset();

                    // A SUBSCRIBE of an earlier connection is answered on that one or never: its SUBACK time-out ends here.
                    subscribe.End();
                    int subscribeLength = 0;
                    if (filters != null && filters.Length > 0)
                    {
                        int packetId = packetIds.Next(inFlight, subscribe.PacketId);
                        subscribeLength = PacketEncoder.Subscribe(sendBuffer, packetId, filters, qos);
                        subscribe.Begin(packetId, filters.Length, clock.MonotonicMs);
                    }

                    int length = pipeline.Build(settings, sendBuffer, subscribeLength, inFlight, connection.Number, clock.MonotonicMs);
                    try
                    {
                        newTransport.Write(pipeline.Buffer, 0, length);
                        if (subscribeLength > 0 && !pipeline.SubscribeIncluded)
                        {
                            newTransport.Write(sendBuffer, 0, subscribeLength);
                        }
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
                if (connection.IsConnected)
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
        /// forgotten. QoS 1 is copied into an in-flight slot, written (when not connected, it waits for the next
        /// Connect, which writes it with CONNECT), and kept until its PUBACK (<see cref="IMqttListener.OnDelivered"/>);
        /// if the write fails the message stays and goes out again after the next Connect, so the call still succeeds.
        /// Callable from any thread; allocates nothing.
        /// </summary>
        /// <returns>The packet identifier for QoS 1, 0 for QoS 0.</returns>
        /// <exception cref="MqttException">QoS 2 or RETAIN asked for, the packet is too large, QoS 0 without a connection, the in-flight table is full, or a QoS 0 write failed.</exception>
        public int Publish(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            int topicBytes = PublishRules.Check(topic, payload, offset, count, qos, retain, sendBuffer.Length, inFlight.SlotBytes);
            lock (sync)
            {
                if (!connection.IsConnected && qos == 0)
                {
                    throw new MqttException(MqttError.NotConnected, "not connected: a QoS 0 message is published after Connect has been accepted");
                }

                if (qos == 0)
                {
                    int length = PacketEncoder.Publish(sendBuffer, topic, topicBytes, payload, offset, count, 0, 0);
                    if (!connection.Send(sendBuffer, length))
                    {
                        throw new MqttException(MqttError.ConnectionLost, "the QoS 0 message was not sent: " + connection.LossDetail);
                    }

                    return 0;
                }

                int slot = inFlight.FindFree();
                if (slot < 0)
                {
                    throw new MqttException(MqttError.InFlightFull, "all " + inFlight.Capacity + " in-flight slots hold unacknowledged QoS 1 messages; wait for PUBACKs (InFlightCapacity)");
                }

                int packetId = packetIds.Next(inFlight, subscribe.PacketId);
                byte[] packet = inFlight.Packet(slot);
                int packetLength = PacketEncoder.Publish(packet, topic, topicBytes, payload, offset, count, 1, packetId);
                inFlight.Commit(slot, packetId, packetLength);
                if (connection.IsConnected)
                {
                    // Marked written even when the write failed: part of it may have reached the broker, so it goes again with DUP.
                    connection.Send(packet, packetLength);
                    inFlight.MarkSent(slot, connection.Number, connection.LastSentMs);
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
                    if (!connection.IsConnected)
                    {
                        throw new MqttException(MqttError.NotConnected, "not connected: subscribe after Connect has been accepted");
                    }

                    packetId = packetIds.Next(inFlight, subscribe.PacketId);
                    int length = PacketEncoder.Subscribe(sendBuffer, packetId, filters, qos);
                    subscribe.Begin(packetId, filters.Length, clock.MonotonicMs);
                    if (!connection.Send(sendBuffer, length))
                    {
                        subscribe.End();
                        throw new MqttException(MqttError.ConnectionLost, "SUBSCRIBE not sent: " + connection.LossDetail);
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
                        subscribe.End();
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
                    int wait = connection.KeepAlive(timeoutMs);
                    if (wait >= 0)
                    {
                        receiver.Receive(wait);
                        connection.KeepAlive(0);
                    }

                    // The SUBSCRIBE that went out with CONNECT is not waited for, but its SUBACK must come in time.
                    if (connection.IsConnected && subscribe.IsOverdue(clock.MonotonicMs, settings.SubackTimeoutMs))
                    {
                        throw new MqttException(MqttError.SubackTimeout, "no SUBACK for SUBSCRIBE " + subscribe.PacketId + " within " + settings.SubackTimeoutMs + " ms");
                    }
                }
                catch (MqttException ex)
                {
                    connection.Lose(ex);
                }
                catch (TransportClosedException ex)
                {
                    connection.Lose(ConnectionLossReason.TransportClosed, receiver.ClosedDetail(ex));
                }

                connection.FlushReports(listener);
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
                if (!connection.IsConnected)
                {
                    return;
                }

                int length = PacketEncoder.Disconnect(controlBuffer);
                try
                {
                    connection.Transport.Write(controlBuffer, 0, length);
                }
                catch (TransportClosedException ex)
                {
                    // The connection is gone either way; the reason recorded below is what the caller asked for.
                    log.Info("MQTT DISCONNECT not sent: " + ex.Message);
                }

                connection.Lose(ConnectionLossReason.LocalDisconnect, "disconnected by the application");
            }
        }

        private ConnectResult AwaitConnack()
        {
            long deadline = clock.MonotonicMs + settings.ConnackTimeoutMs;
            int code;
            bool sessionPresent;
            try
            {
                while (!receiver.ReceivePacket(deadline))
                {
                    if (clock.MonotonicMs >= deadline)
                    {
                        return Refuse(ConnectOutcome.ConnackTimeout, false, "no CONNACK within " + settings.ConnackTimeoutMs + " ms");
                    }
                }

                PacketFramer framer = receiver.Framer;
                if (framer.Type != PacketType.Connack)
                {
                    return Refuse(ConnectOutcome.ProtocolError, false, "the broker answered CONNECT with " + PacketType.Name(framer.Type) + " instead of CONNACK");
                }

                code = PacketDecoder.ReadConnack(framer.Body, framer.BodyLength, out sessionPresent);
                framer.Next();
            }
            catch (TransportClosedException ex)
            {
                return Refuse(ConnectOutcome.ClosedBeforeConnack, false, "the connection closed before CONNACK (" + receiver.ClosedDetail(ex) + "); with AWS IoT Core custom auth this usually means the login was refused");
            }
            catch (MqttException ex)
            {
                return Refuse(ConnectOutcome.ProtocolError, false, ex.Message);
            }

            if (code != 0)
            {
                return Refuse((ConnectOutcome)code, sessionPresent, "CONNACK return code " + code + ": " + ConnectResult.Describe(code));
            }

            int resent;
            lock (sync)
            {
                connection.Accepted();
                resent = pipeline.SendRest(connection, inFlight);
            }

            log.Info("MQTT connected as " + settings.ClientId + " (connection " + connection.Number + ", session present: " + (sessionPresent ? "yes" : "no") + ", " + resent + " unacknowledged messages resent)");
            return new ConnectResult(ConnectOutcome.Accepted, sessionPresent, "accepted");
        }

        private ConnectResult Refuse(ConnectOutcome outcome, bool sessionPresent, string detail)
        {
            lock (sync)
            {
                subscribe.End();
            }

            connection.Transport.Close();
            log.Warn("MQTT connect failed: " + detail);
            return new ConnectResult(outcome, sessionPresent, detail);
        }

        private SubscribeResult AwaitSuback(int packetId)
        {
            long deadline = clock.MonotonicMs + settings.SubackTimeoutMs;
            try
            {
                while (!subscribe.Answered)
                {
                    if (!IsConnected)
                    {
                        throw new MqttException(MqttError.ConnectionLost, "connection lost before the SUBACK: " + connection.LossDetail);
                    }

                    long left = deadline - clock.MonotonicMs;
                    if (left <= 0)
                    {
                        throw new MqttException(MqttError.SubackTimeout, "no SUBACK for SUBSCRIBE " + packetId + " within " + settings.SubackTimeoutMs + " ms");
                    }

                    int wait = connection.KeepAlive(left);
                    if (wait >= 0)
                    {
                        receiver.Receive(wait);
                    }
                }
            }
            catch (TransportClosedException ex)
            {
                connection.Lose(ConnectionLossReason.TransportClosed, receiver.ClosedDetail(ex));
                throw new MqttException(MqttError.ConnectionLost, "connection lost before the SUBACK: " + connection.LossDetail);
            }
            catch (MqttException ex)
            {
                if (ex.Error == MqttError.ConnectionLost || ex.Error == MqttError.SubackTimeout)
                {
                    throw;
                }

                connection.Lose(ex);
                throw new MqttException(MqttError.ConnectionLost, "connection lost before the SUBACK: " + ex.Message);
            }

            return subscribe.Result(packetId);
        }
    }
}
