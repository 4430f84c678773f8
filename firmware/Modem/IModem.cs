namespace CellularIot.Modem
{
    using System;

    /// <summary>
    /// A cellular modem as the layers above need it: power, identity, SIM, network registration, a data
    /// context, signal and network time, a CA file for TLS, and secure sockets whose TLS runs in the modem.
    /// Methods are called from one thread at a time (the socket's own methods may run on other threads).
    /// Failures throw <see cref="ModemException"/> or one of its subclasses.
    /// </summary>
    public interface IModem : IDisposable
    {
        /// <summary>What this modem and its firmware can do; known after <see cref="PowerOn"/>.</summary>
        ModemCapabilities Capabilities { get; }

        /// <summary>ICCID, IMEI and firmware revision; null until <see cref="PowerOn"/> has succeeded.</summary>
        ModemIdentity Identity { get; }

        /// <summary>
        /// True once the modem restarted on its own since the last <see cref="PowerOn"/> or <see cref="Recover"/>:
        /// every socket and the data context are gone, and calling <see cref="PowerOn"/> sets the modem up again.
        /// </summary>
        bool RebootDetected { get; }

        /// <summary>
        /// Raised when <see cref="RebootDetected"/> becomes true, with the modem as sender. It runs on the AT layer's URC thread: note it
        /// and return; do not call the modem from the handler.
        /// </summary>
        event EventHandler Rebooted;

        /// <summary>Switches the modem on if needed and brings it up (sync, error reporting, SIM, identity, radio).</summary>
        void PowerOn();

        /// <summary>Switches the modem off; every socket closes.</summary>
        void PowerOff();

        /// <summary>Reads the SIM's state.</summary>
        SimState ReadSimState();

        /// <summary>Reads the network registration once.</summary>
        RegistrationState ReadRegistration();

        /// <summary>Waits for registration (home or roaming) within the attach timeout of the settings.</summary>
        /// <exception cref="RegistrationException">Not registered in time.</exception>
        RegistrationState WaitForRegistration();

        /// <summary>
        /// Brings the data context up with <paramref name="apn"/> and returns the IP address it got, or an empty string
        /// when the modem announced the context without its address (the driver then does not spend a command asking).
        /// </summary>
        string ActivateData(string apn);

        /// <summary>Takes the data context down; every socket closes.</summary>
        void DeactivateData();

        /// <summary>Reads the signal quality.</summary>
        SignalQuality ReadSignalQuality();

        /// <summary>Reads the network time, converted to UTC.</summary>
        DateTime ReadNetworkTimeUtc();

        /// <summary>
        /// Makes sure the modem stores <paramref name="pem"/> as <paramref name="fileName"/> and has imported it as a
        /// CA certificate; the file is written only when the stored one differs. Returns true when it was written.
        /// </summary>
        bool EnsureCaCertificate(string fileName, byte[] pem);

        /// <summary>Opens a TLS connection run by the modem.</summary>
        /// <exception cref="SocketOpenException">The modem could not open it; the error says why.</exception>
        /// <exception cref="NotSupportedException">ALPN was asked for but <see cref="ModemCapabilities.SupportsAlpn"/> is false.</exception>
        ISecureSocket OpenSecureSocket(SecureSocketOptions options);

        /// <summary>
        /// Climbs the recovery ladder until the modem answers again: an AT probe, then a software reset
        /// (AT+CFUN=1,1), then a PWRKEY power cycle; after a reset the modem is brought up again. Returns the
        /// rung that worked.
        /// </summary>
        /// <exception cref="ModemException">Even the power cycle did not bring the modem back.</exception>
        RecoveryStep Recover();
    }
}
