namespace CellularIot.Cloud.Mqtt
{
    /// <summary>The result of <see cref="MqttClient.Connect"/>: accepted, refused with a code, or no CONNACK at all.</summary>
    public class ConnectResult
    {
        /// <summary>Creates the result.</summary>
        public ConnectResult(ConnectOutcome outcome, bool sessionPresent, string detail)
        {
            Outcome = outcome;
            SessionPresent = sessionPresent;
            Detail = detail;
        }

        /// <summary>How the attempt ended.</summary>
        public ConnectOutcome Outcome { get; }

        /// <summary>True when the session is up.</summary>
        public bool IsAccepted
        {
            get { return Outcome == ConnectOutcome.Accepted; }
        }

        /// <summary>The broker kept a session from an earlier connection (CONNACK's session-present flag).</summary>
        public bool SessionPresent { get; }

        /// <summary>CONNACK 4 or 5: the broker refused the credentials.</summary>
        public bool IsAuthFailure
        {
            get { return Outcome == ConnectOutcome.BadUsernameOrPassword || Outcome == ConnectOutcome.NotAuthorized; }
        }

        /// <summary>
        /// An authentication failure or a close before CONNACK (AWS's usual answer to one): the caller should
        /// fetch a new login (re-onboard) before it tries again, and back off.
        /// </summary>
        public bool IsPossibleAuthFailure
        {
            get { return IsAuthFailure || Outcome == ConnectOutcome.ClosedBeforeConnack; }
        }

        /// <summary>What happened, in words, for the log.</summary>
        public string Detail { get; }

        /// <summary>What a CONNACK return code other than 0 means (MQTT 3.1.1 section 3.2.2.3).</summary>
        internal static string Describe(int code)
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
    }
}
