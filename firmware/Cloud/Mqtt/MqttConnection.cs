namespace CellularIot.Cloud.Mqtt
{
    using System;
    using CellularIot.Net;
    using CellularIot.Support;

    /// <summary>
    /// The client's one connection at a time, as both its sides see it: the lock that serialises writes and guards
    /// the connection's state, the transport, whether the connection is up and its number, the keep-alive (PINGREQ
    /// when nothing was sent for a keep-alive period, the connection lost when its PINGRESP is late), and the
    /// reports owed to the listener (a lost connection, a quarantined message), delivered outside every lock.
    /// </summary>
    internal sealed class MqttConnection
    {
        private readonly object sync = new object();
        private readonly MqttSettings settings;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly InFlightTable inFlight;
        private readonly byte[] pingBuffer = new byte[2];

        private ITransport transport;
        private bool connected;
        private int number;
        private long lastSentMs;
        private bool pingOutstanding;
        private long pingSentMs;

        private bool lossPending;
        private ConnectionLossReason lossReason;
        private string lossDetail;
        private QuarantinedMessage quarantinedReport;

        public MqttConnection(MqttSettings settings, IClock clock, ILog log, InFlightTable inFlight)
        {
            this.settings = settings;
            this.clock = clock;
            this.log = log;
            this.inFlight = inFlight;
        }

        /// <summary>The lock of the connection's state and of every write.</summary>
        public object Sync
        {
            get { return sync; }
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

        /// <summary>The current connection's number, counted from 1.</summary>
        public int Number
        {
            get { return number; }
        }

        /// <summary>The current connection's transport.</summary>
        public ITransport Transport
        {
            get { return transport; }
        }

        /// <summary>When the last packet went out, on the monotonic clock.</summary>
        public long LastSentMs
        {
            get { return lastSentMs; }
        }

        /// <summary>Why the last connection was lost.</summary>
        public string LossDetail
        {
            get { return lossDetail; }
        }

        /// <summary>A new connection over <paramref name="newTransport"/> starts (CONNECT not yet answered). Caller holds <see cref="Sync"/>.</summary>
        public void Begin(ITransport newTransport)
        {
            transport = newTransport;
            number++;
            pingOutstanding = false;
        }

        /// <summary>The broker accepted the connection. Caller holds <see cref="Sync"/>.</summary>
        public void Accepted()
        {
            connected = true;
            lossPending = false;
            pingOutstanding = false;
            lastSentMs = clock.MonotonicMs;
        }

        /// <summary>The broker answered the PINGREQ.</summary>
        public void PingAnswered()
        {
            lock (sync)
            {
                pingOutstanding = false;
            }
        }

        /// <summary>Writes one packet; on failure marks the connection lost and returns false. Caller holds <see cref="Sync"/>.</summary>
        public bool Send(byte[] packet, int length)
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

        /// <summary>
        /// Ends the connection once, keeps the reason for the report, and counts the drop against the QoS 1
        /// message most likely to have caused it when the broker is the one that closed.
        /// </summary>
        public void Lose(ConnectionLossReason reason, string detail)
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

        /// <summary>Ends the connection for a protocol error the broker made (malformed, too large or unexpected packet).</summary>
        public void Lose(MqttException error)
        {
            ConnectionLossReason reason = ConnectionLossReason.ProtocolViolation;
            if (error.Error == MqttError.MalformedPacket)
            {
                reason = ConnectionLossReason.MalformedPacket;
            }
            else if (error.Error == MqttError.IncomingTooLarge)
            {
                reason = ConnectionLossReason.IncomingTooLarge;
            }

            Lose(reason, error.Message);
        }

        /// <summary>
        /// Sends PINGREQ when nothing has been sent for a keep-alive period, declares the connection lost when a
        /// PINGRESP is late, and returns how long the caller may wait for data (at most <paramref name="maxWaitMs"/>),
        /// or -1 when the connection is down.
        /// </summary>
        public int KeepAlive(long maxWaitMs)
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
                        int length = PacketEncoder.Pingreq(pingBuffer);
                        if (!Send(pingBuffer, length))
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

        /// <summary>Tells the listener about a quarantine and a lost connection, outside every lock.</summary>
        public void FlushReports(IMqttListener listener)
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
                log.Warn("MQTT connection " + number + " lost: " + detail);
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

        private void CountDrop()
        {
            int slot = inFlight.CountDrop(number, clock.MonotonicMs, settings.RejectWindowMs);
            if (slot < 0 || inFlight.Drops(slot) < settings.QuarantineAfterDrops)
            {
                return;
            }

            quarantinedReport = new QuarantinedMessage(inFlight.PacketId(slot), inFlight.Topic(slot), inFlight.CopyPayload(slot), inFlight.Drops(slot));
            inFlight.Free(slot);
        }
    }
}
