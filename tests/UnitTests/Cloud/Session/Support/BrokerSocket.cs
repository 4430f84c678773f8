namespace CellularIot.Tests.Cloud.Session.Support
{
    using System;
    using System.Collections;
    using CellularIot.Bytes;
    using CellularIot.Tests.Cloud.Mqtt.Support;
    using CellularIot.Tests.Support;

    /// <summary>
    /// An MQTT broker behind a secure socket, just enough of one for the session: it frames the packets the
    /// session sends and answers CONNECT with a CONNACK of the scripted code, SUBSCRIBE with a SUBACK granting
    /// QoS 1, PINGREQ with PINGRESP, and (unless told not to) a QoS 1 PUBLISH with its PUBACK. It keeps the
    /// topics published and the filters subscribed, for the assertions.
    /// </summary>
    public sealed class BrokerSocket : ServerSocket
    {
        private readonly int connackCode;
        private byte[] pending = new byte[0];

        public BrokerSocket(ManualClock clock, int connackCode)
            : base(clock)
        {
            this.connackCode = connackCode;
        }

        /// <summary>False holds PUBACKs back, as a broker that never acknowledges.</summary>
        public bool AcknowledgePublishes { get; set; } = true;

        /// <summary>True answers CONNECT with session present, as a broker that kept the session.</summary>
        public bool SessionPresent { get; set; }

        /// <summary>A packet sent right after the CONNACK, as a broker delivers what it kept for the client.</summary>
        public byte[] KeptForTheClient { get; set; }

        /// <summary>False leaves SUBSCRIBE unanswered, as a broker whose SUBACK never arrives.</summary>
        public bool AnswerSubscribes { get; set; } = true;

        public int Connects { get; private set; }

        /// <summary>The clean-session flag of the last CONNECT.</summary>
        public bool CleanSession { get; private set; }

        public int Disconnects { get; private set; }

        /// <summary>The topics of the PUBLISH packets received, in order.</summary>
        public ArrayList PublishedTopics { get; } = new ArrayList();

        /// <summary>The DUP flags of the PUBLISH packets received, in order.</summary>
        public ArrayList PublishedDup { get; } = new ArrayList();

        /// <summary>The filters of the SUBSCRIBE packets received, in order.</summary>
        public ArrayList Filters { get; } = new ArrayList();

        /// <summary>The packet ids of the PUBACKs the session sent.</summary>
        public ArrayList PubacksReceived { get; } = new ArrayList();

        protected override void OnReceived(byte[] buffer, int offset, int count)
        {
            byte[] joined = new byte[pending.Length + count];
            Array.Copy(pending, 0, joined, 0, pending.Length);
            Array.Copy(buffer, offset, joined, pending.Length, count);
            int at = 0;
            while (true)
            {
                int remaining;
                int headerBytes = Header(joined, at, out remaining);
                if (headerBytes < 0 || at + headerBytes + remaining > joined.Length)
                {
                    break;
                }

                Handle(joined, at, at + headerBytes, remaining);
                at += headerBytes + remaining;
            }

            pending = new byte[joined.Length - at];
            Array.Copy(joined, at, pending, 0, pending.Length);
        }

        // The fixed header's length (type byte and remaining length), or -1 when it is not all in yet.
        private static int Header(byte[] bytes, int at, out int remaining)
        {
            remaining = 0;
            int multiplier = 1;
            for (int i = at + 1; i < bytes.Length && i < at + 5; i++)
            {
                remaining += (bytes[i] & 0x7F) * multiplier;
                multiplier *= 128;
                if ((bytes[i] & 0x80) == 0)
                {
                    return i - at + 1;
                }
            }

            return -1;
        }

        private void Handle(byte[] bytes, int start, int body, int length)
        {
            int type = bytes[start] >> 4;
            switch (type)
            {
                case 1:
                    Connects++;

                    // The connect flags follow the protocol name (00 04 "MQTT") and level.
                    CleanSession = (bytes[body + 7] & 0x02) != 0;
                    Answer(BrokerPackets.Connack(connackCode, SessionPresent));
                    if (KeptForTheClient != null)
                    {
                        Answer(KeptForTheClient);
                    }

                    break;
                case 3:
                    Published(bytes, start, body, length);
                    break;
                case 4:
                    PubacksReceived.Add(Id16(bytes, body));
                    break;
                case 8:
                    Subscribed(bytes, body, length);
                    break;
                case 12:
                    Answer(BrokerPackets.Pingresp());
                    break;
                case 14:
                    Disconnects++;
                    break;
            }
        }

        private void Published(byte[] bytes, int start, int body, int length)
        {
            int qos = (bytes[start] >> 1) & 3;
            int topicLength = Id16(bytes, body);
            PublishedTopics.Add(Utf8.Decode(bytes, body + 2, topicLength));
            PublishedDup.Add((bytes[start] & 0x08) != 0);
            if (qos == 1 && AcknowledgePublishes)
            {
                Answer(BrokerPackets.Puback(Id16(bytes, body + 2 + topicLength)));
            }
        }

        private void Subscribed(byte[] bytes, int body, int length)
        {
            int packetId = Id16(bytes, body);
            int granted = 0;
            int at = body + 2;
            while (at < body + length)
            {
                int filterLength = Id16(bytes, at);
                Filters.Add(Utf8.Decode(bytes, at + 2, filterLength));
                at += 2 + filterLength + 1;
                granted++;
            }

            if (!AnswerSubscribes)
            {
                return;
            }

            byte[] codes = new byte[granted];
            for (int i = 0; i < granted; i++)
            {
                codes[i] = 1;
            }

            Answer(BrokerPackets.Suback(packetId, codes));
        }

        private static int Id16(byte[] bytes, int at)
        {
            return (bytes[at] << 8) | bytes[at + 1];
        }
    }
}
