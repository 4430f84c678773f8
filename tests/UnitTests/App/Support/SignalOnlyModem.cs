namespace CellularIot.Tests.App.Support
{
    using System;
    using CellularIot.Modem;

    /// <summary>A modem that answers only what the device runner asks of it (the signal); the rest belongs to the session.</summary>
    public sealed class SignalOnlyModem : IModem
    {
        public event EventHandler Rebooted
        {
            add { }
            remove { }
        }

        public int SignalReads { get; private set; }

        /// <summary>What the next signal reads return.</summary>
        public SignalQuality Signal { get; set; } = new SignalQuality(20, 0);

        public ModemCapabilities Capabilities
        {
            get { throw new NotSupportedException(); }
        }

        public ModemIdentity Identity
        {
            get { throw new NotSupportedException(); }
        }

        public bool RebootDetected
        {
            get { return false; }
        }

        public SignalQuality ReadSignalQuality()
        {
            SignalReads++;
            return Signal;
        }

        public void PowerOn()
        {
            throw new NotSupportedException();
        }

        public void PowerOff()
        {
            throw new NotSupportedException();
        }

        public SimState ReadSimState()
        {
            throw new NotSupportedException();
        }

        public RegistrationState ReadRegistration()
        {
            throw new NotSupportedException();
        }

        public RegistrationState WaitForRegistration()
        {
            throw new NotSupportedException();
        }

        public string ActivateData(string apn)
        {
            throw new NotSupportedException();
        }

        public void DeactivateData()
        {
            throw new NotSupportedException();
        }

        public DateTime ReadNetworkTimeUtc()
        {
            throw new NotSupportedException();
        }

        public bool EnsureCaCertificate(string fileName, byte[] pem)
        {
            throw new NotSupportedException();
        }

        public ISecureSocket OpenSecureSocket(SecureSocketOptions options)
        {
            throw new NotSupportedException();
        }

        public RecoveryStep Recover()
        {
            throw new NotSupportedException();
        }

        public void Dispose()
        {
        }
    }
}
