namespace CellularIot.Cloud.Session
{
    /// <summary>Where the cloud session stands; every failure leads back to an earlier state, never to a dead end.</summary>
    public enum SessionState
    {
        /// <summary>The modem is being switched on, registered and given a data context.</summary>
        ModemUp = 0,

        /// <summary>A login is being restored or fetched from the 1NCE onboarding API.</summary>
        Token = 1,

        /// <summary>A TLS (or WebSocket) connection and an MQTT session to IoT Core are being set up.</summary>
        Connecting = 2,

        /// <summary>Connected: messages flow.</summary>
        Online = 3,

        /// <summary>Waiting out a backoff before retrying the state it failed in.</summary>
        Waiting = 4,
    }
}
