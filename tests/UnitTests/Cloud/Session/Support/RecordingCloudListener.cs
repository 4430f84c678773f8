namespace CellularIot.Tests.Cloud.Session.Support
{
    using System.Collections;
    using CellularIot.Bytes;
    using CellularIot.Cloud;
    using CellularIot.Cloud.Session;

    /// <summary>What the session tells the device: states with their details, messages, deliveries and abandoned ids.</summary>
    public sealed class RecordingCloudListener : ICloudListener
    {
        /// <summary>Every state change as "state: detail", in order.</summary>
        public ArrayList States { get; } = new ArrayList();

        /// <summary>Every message as "topic payload".</summary>
        public ArrayList Messages { get; } = new ArrayList();

        public ArrayList Delivered { get; } = new ArrayList();

        public ArrayList Abandoned { get; } = new ArrayList();

        /// <summary>The last state change as "state: detail".</summary>
        public string LastState
        {
            get { return States.Count == 0 ? null : (string)States[States.Count - 1]; }
        }

        public void OnStateChanged(SessionState state, string detail)
        {
            States.Add(Name(state) + ": " + detail);
        }

        public void OnMessage(ICloudMessage message)
        {
            Messages.Add(message.GetTopic() + " " + Utf8.Decode(message.Buffer, message.PayloadOffset, message.PayloadLength));
        }

        public void OnDelivered(int deliveryId)
        {
            Delivered.Add(deliveryId);
        }

        public void OnAbandoned(int deliveryId)
        {
            Abandoned.Add(deliveryId);
        }

        private static string Name(SessionState state)
        {
            switch (state)
            {
                case SessionState.ModemUp:
                    return "ModemUp";
                case SessionState.Token:
                    return "Token";
                case SessionState.Connecting:
                    return "Connecting";
                case SessionState.Online:
                    return "Online";
                default:
                    return "Waiting";
            }
        }
    }
}
