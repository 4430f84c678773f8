namespace CellularIot.App
{
    using System;
    using System.IO;
    using CellularIot.App.Commands;
    using CellularIot.App.Config;
    using CellularIot.App.Telemetry;
    using CellularIot.Bytes;
    using CellularIot.Cloud;
    using CellularIot.Cloud.Session;
    using CellularIot.Modem;
    using CellularIot.Support;
    using CellularIot.Text;

    /// <summary>
    /// The device's main loop. It takes a reading every interval into the store-and-forward backlog, online
    /// or not (a step that blocks, such as a modem bring-up waiting minutes for registration, delays the
    /// reading due meanwhile, and the rhythm starts again after it), sends the backlog oldest first in batches
    /// when the cloud session is online (one batch awaiting its acknowledgement at a time, so readings arrive
    /// in order), drops a batch from the backlog only once the broker has it, and answers remote commands. The
    /// cloud session below it runs the device's connection states: modem up, login, connecting, online, waiting.
    /// </summary>
    public class DeviceRunner : ICloudListener, ICommandTarget
    {
        /// <summary>Subscription below &lt;ICCID&gt;/ that carries commands.</summary>
        public const string CommandFilter = "commands/#";

        /// <summary>Longest one step waits inside the session, so readings stay on time.</summary>
        public const int MaxStepWaitMs = 1000;

        private const string CommandPrefix = "commands/";
        private const string ReplyPrefix = "replies/";

        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0);

        private readonly DeviceSettings settings;
        private readonly IModem modem;
        private readonly ITelemetrySensors sensors;
        private readonly IClock clock;
        private readonly ILog log;
        private readonly ReadingBacklog backlog;
        private readonly TelemetryReading reading = new TelemetryReading();
        private readonly TelemetryReading[] batch;
        private readonly JsonBuffer payload;
        private readonly JsonBuffer reply = new JsonBuffer(CommandProcessor.MinReplyBytes);
        private readonly CommandProcessor commands;
        private readonly long startedMs;

        private ICloudLink session;
        private BacklogStore backlogStore;
        private TelemetryReading[] persisted;
        private string telemetryTopic;
        private string commandPrefix;
        private long nextReadingMs;
        private int intervalSeconds;
        private int awaitingDelivery;
        private int awaitingCount;
        private int lastSignalDbm = TelemetryReading.Unknown;

        /// <summary>
        /// Creates the runner; <see cref="Attach"/> gives it its cloud session (which in turn reports to the
        /// runner), then <see cref="Step"/> runs it.
        /// </summary>
        public DeviceRunner(DeviceSettings settings, IModem modem, ITelemetrySensors sensors, IClock clock, ILog log, int backlogCapacity)
        {
            this.settings = settings;
            this.modem = modem;
            this.sensors = sensors;
            this.clock = clock;
            this.log = log;
            backlog = new ReadingBacklog(backlogCapacity);
            batch = new TelemetryReading[settings.BatchSize];
            for (int i = 0; i < batch.Length; i++)
            {
                batch[i] = new TelemetryReading();
            }

            // Room for a full batch of readings with every field at its widest.
            payload = new JsonBuffer(32 + (settings.BatchSize * 120));
            commands = new CommandProcessor(this);
            intervalSeconds = settings.PublishIntervalSeconds;
            startedMs = clock.MonotonicMs;
            nextReadingMs = startedMs;
        }

        /// <summary>Readings taken since start.</summary>
        public long ReadingsTaken { get; private set; }

        /// <summary>Telemetry messages published since start.</summary>
        public int MessagesSent { get; private set; }

        /// <summary>Telemetry messages the broker acknowledged (all of them at QoS 0).</summary>
        public int MessagesAcknowledged { get; private set; }

        /// <summary>Readings that reached the broker.</summary>
        public long ReadingsDelivered { get; private set; }

        /// <summary>Commands answered since start.</summary>
        public int CommandsHandled { get; private set; }

        /// <summary>Milliseconds from start to the first acknowledged telemetry message, or -1.</summary>
        public long FirstDeliveryMs { get; private set; } = -1;

        /// <summary>Readings waiting in the backlog.</summary>
        public int BacklogCount
        {
            get { return backlog.Count; }
        }

        /// <summary>Readings dropped because the backlog was full.</summary>
        public long BacklogDropped
        {
            get { return backlog.Dropped; }
        }

        /// <inheritdoc/>
        public long UptimeSeconds
        {
            get { return (clock.MonotonicMs - startedMs) / 1000; }
        }

        /// <inheritdoc/>
        public int IntervalSeconds
        {
            get
            {
                return intervalSeconds;
            }

            set
            {
                intervalSeconds = value;
                nextReadingMs = clock.MonotonicMs + (value * 1000L);
                log.Info("telemetry interval now " + value + " s");
            }
        }

        /// <summary>The cloud session this runner drives; set once, before the first <see cref="Step"/>.</summary>
        public void Attach(ICloudLink cloudSession)
        {
            if (session != null)
            {
                throw new InvalidOperationException("the runner already has its session");
            }

            session = cloudSession;
        }

        /// <summary>
        /// Keeps the backlog on flash from now on, first taking back the readings a previous run left there,
        /// so readings taken offline survive a reboot.
        /// </summary>
        public void KeepBacklogIn(BacklogStore store)
        {
            persisted = new TelemetryReading[backlog.Capacity];
            for (int i = 0; i < persisted.Length; i++)
            {
                persisted[i] = new TelemetryReading();
            }

            TelemetryReading[] restored = store.Load();
            foreach (TelemetryReading old in restored)
            {
                backlog.Enqueue(old);
            }

            if (restored.Length > 0)
            {
                log.Info(restored.Length + " unsent reading(s) restored from flash");
            }

            backlogStore = store;
        }

        /// <summary>One turn of the loop: a reading when due, the backlog's next batch, then the session.</summary>
        /// <exception cref="InvalidOperationException">No session was attached.</exception>
        public void Step()
        {
            if (session == null)
            {
                throw new InvalidOperationException("attach the cloud session first");
            }

            if (clock.MonotonicMs >= nextReadingMs)
            {
                TakeReading();
            }

            SendBacklog();
            long untilReading = nextReadingMs - clock.MonotonicMs;
            int wait = untilReading < 0 ? 0 : (untilReading > MaxStepWaitMs ? MaxStepWaitMs : (int)untilReading);
            session.RunOnce(wait);
        }

        /// <inheritdoc/>
        public void WriteStatus(JsonBuffer reply)
        {
            reply.Property("up", UptimeSeconds);
            reply.Property("interval", intervalSeconds);
            reply.Property("backlog", backlog.Count);
            reply.Property("dropped", backlog.Dropped);
            reply.Property("sent", MessagesSent);
            reply.Property("acked", MessagesAcknowledged);
            reply.Property("transport", session.TransportName);
            if (lastSignalDbm != TelemetryReading.Unknown)
            {
                reply.Property("rssi", lastSignalDbm);
            }
        }

        /// <inheritdoc/>
        public void OnStateChanged(SessionState state, string detail)
        {
            if ((state == SessionState.Online || state == SessionState.Connecting) && telemetryTopic == null)
            {
                telemetryTopic = session.Topic(settings.TelemetryTopic);
                commandPrefix = session.Topic(CommandPrefix.Substring(0, CommandPrefix.Length - 1)) + "/";
            }
        }

        /// <inheritdoc/>
        public void OnMessage(ICloudMessage message)
        {
            string topic = message.GetTopic();
            if (commandPrefix == null || !topic.StartsWith(commandPrefix))
            {
                return;
            }

            string name = topic.Substring(commandPrefix.Length);
            if (name.Length == 0 || name.Contains("/"))
            {
                name = "invalid";
            }

            commands.Handle(name, message.Buffer, message.PayloadOffset, message.PayloadLength, reply);
            CommandsHandled++;

            // A reply leaves telemetry the slot its next batch needs, so a flood of commands cannot hold readings
            // back; a reply that finds no slot goes at QoS 0 (once, over the live connection) rather than not at all.
            int slotsForTelemetry = settings.Qos == 1 && awaitingDelivery == 0 ? 1 : 0;
            int qos = session.DeliverySlotsFree > slotsForTelemetry ? 1 : 0;
            log.Info("command " + name + " answered" + (qos == 0 ? " at QoS 0 (no delivery slot free): " : ": ") + Utf8.Decode(reply.Bytes, 0, reply.Length));
            try
            {
                session.Publish(session.Topic(ReplyPrefix + name), reply.Bytes, 0, reply.Length, qos);
            }
            catch (CloudLinkException ex)
            {
                log.Warn("reply to " + name + " not sent: " + ex.Message);
            }
        }

        /// <inheritdoc/>
        public void OnDelivered(int deliveryId)
        {
            if (deliveryId != awaitingDelivery)
            {
                return;
            }

            Delivered();
        }

        /// <inheritdoc/>
        public void OnAbandoned(int deliveryId)
        {
            if (deliveryId == awaitingDelivery)
            {
                log.Warn(awaitingCount + " readings abandoned: the broker refuses them");
                backlog.RemoveOldest(awaitingCount);
                PersistBacklog();
                awaitingDelivery = 0;
            }
        }

        private void TakeReading()
        {
            ReadingsTaken++;
            reading.Sequence = ReadingsTaken;
            DateTime now = clock.UtcNow;
            reading.UnixSeconds = now.Year >= 2024 ? (now.Ticks - UnixEpoch.Ticks) / TimeSpan.TicksPerSecond : 0;
            reading.UptimeSeconds = UptimeSeconds;
            reading.FreeMemoryBytes = sensors.FreeMemoryBytes;
            reading.TemperatureTenths = sensors.TemperatureTenths;
            reading.SignalDbm = ReadSignal();
            backlog.Enqueue(reading);
            PersistBacklog();
            nextReadingMs += intervalSeconds * 1000L;
            if (nextReadingMs < clock.MonotonicMs)
            {
                // Far behind (a long bring-up): start the rhythm again rather than take readings in a burst.
                nextReadingMs = clock.MonotonicMs + (intervalSeconds * 1000L);
            }
        }

        private int ReadSignal()
        {
            // Only online and with every message acknowledged: before that the modem's commands belong to the bring-up
            // and the first message, and the reading carries the last value known.
            if (!session.IsOnline || awaitingDelivery != 0)
            {
                return lastSignalDbm;
            }

            try
            {
                SignalQuality signal = modem.ReadSignalQuality();
                lastSignalDbm = signal.IsKnown ? signal.Dbm : TelemetryReading.Unknown;
            }
            catch (ModemException ex)
            {
                log.Warn("signal not read: " + ex.Message);
                lastSignalDbm = TelemetryReading.Unknown;
            }

            return lastSignalDbm;
        }

        private void SendBacklog()
        {
            // Over MQTT a QoS 1 message is taken while the session connects too: it goes out in the same write as
            // CONNECT, so the first message needs no round trip of its own.
            while (session.CanPublish(settings.Qos) && awaitingDelivery == 0 && backlog.Count >= settings.BatchSize)
            {
                int count = backlog.PeekOldest(batch, settings.BatchSize);
                TelemetryPayload.Write(batch, count, payload);
                int deliveryId;
                try
                {
                    deliveryId = session.Publish(telemetryTopic, payload.Bytes, 0, payload.Length, settings.Qos);
                }
                catch (CloudLinkException ex)
                {
                    log.Warn("telemetry kept for later: " + ex.Message);
                    return;
                }

                MessagesSent++;
                awaitingCount = count;
                log.Info("published " + count + " reading(s) from #" + batch[0].Sequence + " (" + payload.Length + " bytes, QoS " + settings.Qos + ")");
                if (settings.Qos == 0)
                {
                    Delivered();
                }
                else
                {
                    awaitingDelivery = deliveryId;
                }
            }
        }

        private void Delivered()
        {
            backlog.RemoveOldest(awaitingCount);
            PersistBacklog();
            ReadingsDelivered += awaitingCount;
            MessagesAcknowledged++;
            awaitingDelivery = 0;
            if (FirstDeliveryMs < 0)
            {
                FirstDeliveryMs = clock.MonotonicMs - startedMs;
            }

            log.Info("acknowledged: " + awaitingCount + " reading(s), " + backlog.Count + " waiting");
        }

        private void PersistBacklog()
        {
            if (backlogStore == null)
            {
                return;
            }

            try
            {
                backlogStore.Save(persisted, backlog.PeekOldest(persisted, persisted.Length));
            }
            catch (IOException ex)
            {
                log.Warn("backlog not saved to flash: " + ex.Message);
            }
        }
    }
}
