namespace CellularIot.Cloud.Mqtt
{
    using System;

    /// <summary>An MQTT operation failed; <see cref="Error"/> says how, the message says what and where.</summary>
    public class MqttException : Exception
    {
        /// <summary>Creates the error.</summary>
        public MqttException(MqttError error, string message)
            : base(message)
        {
            Error = error;
        }

        /// <summary>The kind of failure.</summary>
        public MqttError Error { get; }
    }
}
