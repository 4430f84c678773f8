namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Modem;
    using nanoFramework.TestFramework;

    /// <summary>The SIM7080G's CA file when the certificate is unusable or the file system answers badly.</summary>
    [TestClass]
    public class Sim7080CaFaultTests
    {
        private const string Pem = "-----BEGIN CERTIFICATE-----\r\nMIIDQTCCAimgAwIBAgITBmyfz5m/jAo54vB4ikPmljZbyjANBgkqhkiG9w0BAQsF\r\n-----END CERTIFICATE-----\r\n";

        [TestMethod]
        public void RefusesAMissingEmptyOrOversizedCertificateWithoutACommand()
        {
            var rig = new ModemRig().Up();
            try
            {
                Assert.ThrowsException(typeof(ArgumentNullException), () => rig.Modem.EnsureCaCertificate("ca.pem", null));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => rig.Modem.EnsureCaCertificate("ca.pem", new byte[0]));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => rig.Modem.EnsureCaCertificate("ca.pem", new byte[ModemRig.FastSettings().MaxFileBytes + 1]));
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+CFS"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AFileSizeQueryThatGetsNoAnswerIsAModemFailure()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CFSGFIS=*", string.Empty);
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes(Pem)));
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+CFSWFILE"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AStoredFileThatCannotBeReadIsWrittenAgain()
        {
            var rig = new ModemRig().Up();
            byte[] pem = Utf8.GetBytes(Pem);
            rig.Link.On("AT+CFSGFIS=*", "\r\n+CFSGFIS: " + pem.Length + "\r\n\r\nOK\r\n");
            rig.Link.On("AT+CFSRFILE=*", "\r\n+CME ERROR: operation not allowed\r\n");
            try
            {
                Assert.IsTrue(rig.Modem.EnsureCaCertificate("ca.pem", pem));
                Assert.AreEqual(1, rig.Link.CountStartingWith("AT+CFSWFILE"));
                Assert.AreEqual(Pem, Utf8.Decode(rig.Link.Payload(0)));
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
