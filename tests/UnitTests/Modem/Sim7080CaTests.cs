namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Tests.At;
    using nanoFramework.TestFramework;

    [TestClass]
    public class Sim7080CaTests
    {
        private const string Pem = "-----BEGIN CERTIFICATE-----\r\nMIIDQTCCAimgAwIBAgITBmyfz5m/jAo54vB4ikPmljZbyjANBgkqhkiG9w0BAQsF\r\n-----END CERTIFICATE-----\r\n";
        private const string Other = "-----BEGIN CERTIFICATE-----\r\nMIIDQTCCAimgAwIBAgITBmyfz5m/jAo54vB4ikPmljZbyjANBgkqhkiG9w0BAQsX\r\n-----END CERTIFICATE-----\r\n";

        [TestMethod]
        public void UploadsAMissingFileThroughDownload()
        {
            var rig = new ModemRig().Up();
            byte[] pem = Utf8.GetBytes(Pem);
            try
            {
                Assert.IsTrue(rig.Modem.EnsureCaCertificate("ca.pem", pem));
                Assert.AreEqual("AT+CFSINIT", rig.Link.Command(0));
                Assert.AreEqual("AT+CFSGFIS=3,\"ca.pem\"", rig.Link.Command(1));
                Assert.AreEqual("AT+CFSWFILE=3,\"ca.pem\",0," + pem.Length + ",5000", rig.Link.Command(2));
                Assert.AreEqual("AT+CFSTERM", rig.Link.Command(3));
                Assert.AreEqual("AT+CSSLCFG=\"convert\",2,\"ca.pem\"", rig.Link.Command(4));
                Assert.AreEqual(1, rig.Link.PayloadCount);
                Assert.AreEqual(Pem, Utf8.Decode(rig.Link.Payload(0)));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void SkipsTheUploadWhenTheStoredFileIsTheSame()
        {
            var rig = new ModemRig().Up();
            byte[] pem = Utf8.GetBytes(Pem);
            Store(rig.Link, Pem);
            try
            {
                Assert.IsFalse(rig.Modem.EnsureCaCertificate("ca.pem", pem));
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+CFSWFILE"));
                Assert.IsTrue(rig.Link.Saw("AT+CFSRFILE=3,\"ca.pem\",0," + pem.Length + ",0"));
                Assert.IsTrue(rig.Link.Saw("AT+CFSTERM"));
                Assert.IsTrue(rig.Link.Saw("AT+CSSLCFG=\"convert\",2,\"ca.pem\""));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void UploadsWhenTheStoredContentDiffers()
        {
            var rig = new ModemRig().Up();
            byte[] pem = Utf8.GetBytes(Pem);
            Store(rig.Link, Other);
            try
            {
                Assert.IsTrue(rig.Modem.EnsureCaCertificate("ca.pem", pem));
                Assert.AreEqual(1, rig.Link.CountStartingWith("AT+CFSWFILE"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void UploadsWhenTheStoredSizeDiffersWithoutReadingIt()
        {
            var rig = new ModemRig().Up();
            byte[] pem = Utf8.GetBytes(Pem);
            rig.Link.On("AT+CFSGFIS=*", "\r\n+CFSGFIS: 12\r\n\r\nOK\r\n");
            try
            {
                Assert.IsTrue(rig.Modem.EnsureCaCertificate("ca.pem", pem));
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+CFSRFILE"));
                Assert.AreEqual(1, rig.Link.CountStartingWith("AT+CFSWFILE"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void RestartsAFileSessionLeftOpen()
        {
            var rig = new ModemRig().Up();
            rig.Link.Once("AT+CFSINIT", "\r\nERROR\r\n");
            try
            {
                Assert.IsTrue(rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes(Pem)));
                Assert.AreEqual(2, rig.Link.Count("AT+CFSINIT"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void RefusesNamesThatBreakTheCommand()
        {
            var rig = new ModemRig().Up();
            try
            {
                Assert.ThrowsException(typeof(ArgumentException), () => rig.Modem.EnsureCaCertificate("ca\".pem", Utf8.GetBytes(Pem)));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => rig.Modem.EnsureCaCertificate("ca.pem", new byte[ModemRig.FastSettings().MaxFileBytes + 1]));
                Assert.AreEqual(0, rig.Link.CommandCount);
            }
            finally
            {
                rig.Stop();
            }
        }

        private static void Store(ScriptedLink link, string content)
        {
            int length = Utf8.GetByteCount(content);
            link.On("AT+CFSGFIS=*", "\r\n+CFSGFIS: " + length + "\r\n\r\nOK\r\n");
            link.On("AT+CFSRFILE=*", "\r\n+CFSRFILE: " + length + "\r\n" + content + "\r\nOK\r\n");
        }
    }
}
