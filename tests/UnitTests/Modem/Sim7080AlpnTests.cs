namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Modem;
    using CellularIot.Modem.Sim7080;
    using nanoFramework.TestFramework;

    [TestClass]
    public class Sim7080AlpnTests
    {
        // Set and read back on one line at bring-up.
        private const string Probe = "AT+CSSLCFG=\"alpn\",0,\"http/1.1\";+CSSLCFG=\"alpn\",0";

        [TestMethod]
        public void IsUnsupportedAndNeverAskedWithoutAKeyword()
        {
            var rig = new ModemRig();
            try
            {
                rig.Modem.PowerOn();
                Assert.IsFalse(rig.Modem.Capabilities.SupportsAlpn);
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+CSSLCFG=\"alpn\""));
                var options = new SecureSocketOptions("h", 443, "ca.pem");
                options.Alpn = "mqtt";
                Assert.ThrowsException(typeof(NotSupportedException), () => rig.Modem.OpenSecureSocket(options));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void IsDeclaredWhenSetAndReadBack()
        {
            var rig = new ModemRig(WithKeyword());
            rig.Link.On("AT+CSSLCFG=\"alpn\",*", "\r\nOK\r\n");
            rig.Link.On(Probe, "\r\n+CSSLCFG: \"alpn\",0,\"http/1.1\"\r\n\r\nOK\r\n");
            rig.Link.On("AT+CSSLCFG=\"alpn\",1", "\r\n+CSSLCFG: \"alpn\",1,\"mqtt\"\r\n\r\nOK\r\n");
            try
            {
                rig.Modem.PowerOn();
                Assert.IsTrue(rig.Link.Saw(Probe));
                Assert.IsTrue(rig.Modem.Capabilities.SupportsAlpn);

                rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                var options = new SecureSocketOptions("h", 443, "ca.pem");
                options.Alpn = "mqtt";
                rig.Link.ClearHistory();
                ISecureSocket socket = rig.Modem.OpenSecureSocket(options);
                Assert.AreEqual(1, socket.Id);
                Assert.AreEqual("AT+CSSLCFG=\"alpn\",1,\"mqtt\"", rig.Link.Command(1));
                Assert.IsTrue(rig.Link.IndexOf("AT+CSSLCFG=\"alpn\",1,\"mqtt\"") < rig.Link.IndexOf("AT+CAOPEN=1,0,\"TCP\",\"h\",443"));

                // Read back once at bring-up: a socket's ALPN is set, not asked for again.
                Assert.AreEqual(0, rig.Link.Count("AT+CSSLCFG=\"alpn\",1"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void GivesASocketWithoutItsOwnAlpnTheHttpDefault()
        {
            var rig = new ModemRig(WithKeyword());
            rig.Link.On("AT+CSSLCFG=\"alpn\",*", "\r\nOK\r\n");
            rig.Link.On(Probe, "\r\n+CSSLCFG: \"alpn\",0,\"http/1.1\"\r\n\r\nOK\r\n");
            try
            {
                rig.Modem.PowerOn();
                var options = new SecureSocketOptions("h", 443, "ca.pem");
                options.Alpn = "mqtt";
                rig.Modem.OpenSecureSocket(options).Close();
                rig.Link.ClearHistory();

                // The context keeps the closed socket's mqtt: the next socket on the id without an ALPN of its own gets HTTP/1.1 back.
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.AreEqual(0, socket.Id);
                int set = rig.Link.IndexOf("AT+CSSLCFG=\"alpn\",0,\"http/1.1\"");
                Assert.IsTrue(set >= 0);
                Assert.IsTrue(set < rig.Link.IndexOf("AT+CAOPEN=0,0,\"TCP\",\"h\",443"));

                // And what the context holds already is not written again.
                socket.Close();
                rig.Link.ClearHistory();
                rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+CSSLCFG"));
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+CASSLCFG"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void IsUnsupportedWhenTheModemRefuses()
        {
            var rig = new ModemRig(WithKeyword());
            try
            {
                rig.Modem.PowerOn();
                Assert.IsTrue(rig.Link.Saw(Probe));
                Assert.IsFalse(rig.Modem.Capabilities.SupportsAlpn);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void IsUnsupportedWhenTheReadBackDiffers()
        {
            var rig = new ModemRig(WithKeyword());
            rig.Link.On(Probe, "\r\n+CSSLCFG: \"alpn\",0,\"\"\r\n\r\nOK\r\n");
            try
            {
                rig.Modem.PowerOn();
                Assert.IsFalse(rig.Modem.Capabilities.SupportsAlpn);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void FailsTheOpenWhenTheSocketsAlpnIsRefused()
        {
            var rig = new ModemRig(WithKeyword());
            rig.Link.On(Probe, "\r\n+CSSLCFG: \"alpn\",0,\"http/1.1\"\r\n\r\nOK\r\n");
            try
            {
                rig.Modem.PowerOn();
                var options = new SecureSocketOptions("h", 443, "ca.pem");
                options.Alpn = "mqtt";
                SocketOpenException caught = OpenFailures.Of(rig.Modem, options);
                Assert.AreEqual((int)SocketOpenError.AlpnNotConfirmed, (int)caught.Error);
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+CAOPEN"));
            }
            finally
            {
                rig.Stop();
            }
        }

        private static Sim7080Settings WithKeyword()
        {
            Sim7080Settings settings = ModemRig.FastSettings();
            settings.AlpnKeyword = "alpn";
            return settings;
        }
    }
}
