namespace CellularIot.Tests.App.Support
{
    using System.Collections;
    using CellularIot.Bytes;
    using CellularIot.Cloud;
    using CellularIot.Cloud.Session;

    /// <summary>A cloud link the test drives: its state is set by hand, publishes are recorded, and a publish can be made to fail.</summary>
    public sealed class ScriptedCloudLink : ICloudLink
    {
        private readonly ArrayList topics = new ArrayList();
        private readonly ArrayList payloads = new ArrayList();
        private readonly ArrayList qualities = new ArrayList();
        private int nextDelivery = 100;

        public ScriptedCloudLink(string iccid)
        {
            Iccid = iccid;
            State = SessionState.Waiting;
        }

        public SessionState State { get; set; }

        public bool IsOnline
        {
            get { return State == SessionState.Online; }
        }

        public bool CanPublish(int qos)
        {
            return IsOnline && (qos == 0 || DeliverySlotsFree > 0);
        }

        /// <summary>Set by the test; publishes do not use slots up.</summary>
        public int DeliverySlotsFree { get; set; } = 16;

        public string Iccid { get; private set; }

        public string TransportName
        {
            get { return "scripted"; }
        }

        /// <summary>When true, the next publish throws as a link that went down.</summary>
        public bool FailNextPublish { get; set; }

        public int Published
        {
            get { return topics.Count; }
        }

        /// <summary>The delivery id the latest QoS 1 publish returned.</summary>
        public int LastDelivery { get; private set; }

        public int Steps { get; private set; }

        public string TopicAt(int index)
        {
            return (string)topics[index];
        }

        public string PayloadAt(int index)
        {
            return (string)payloads[index];
        }

        public int QosAt(int index)
        {
            return (int)qualities[index];
        }

        public string Topic(string suffix)
        {
            return Iccid + "/" + suffix;
        }

        public int Publish(string topic, byte[] payload, int offset, int count, int qos)
        {
            if (!IsOnline || FailNextPublish)
            {
                FailNextPublish = false;
                throw new CloudLinkException("scripted link down", true, null);
            }

            topics.Add(topic);
            payloads.Add(Utf8.Decode(payload, offset, count));
            qualities.Add(qos);
            LastDelivery = qos == 0 ? 0 : nextDelivery++;
            return LastDelivery;
        }

        public void RunOnce(int waitMs)
        {
            Steps++;
        }
    }
}
