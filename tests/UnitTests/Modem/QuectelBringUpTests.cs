namespace CellularIot.Tests.Modem
{
    using CellularIot.Modem;
    using CellularIot.Modem.Quectel;
    using nanoFramework.TestFramework;

    [TestClass]
    public class QuectelBringUpTests
    {
        [TestMethod]
        public void BringsAnAnsweringModemUpInOrder()
        {
            var rig = new QuectelRig();
            try
            {
                rig.Modem.PowerOn();
                string[] expected =
                {
                    "AT", "ATE0", "AT+CMEE=2", "AT+CPIN?", "AT+QCCID", "AT+CGSN", "AT+CGMR",
                    "AT+QCFG=\"nwscanmode\",3,1", "AT+QCFG=\"iotopmode\",0,1", "AT+QICSGP=1,1,\"iot.1nce.net\",\"\",\"\",0",
                    "AT+CEREG=1", "AT+QSSLCFG=\"alpn\",0,\"http/1.1\"",
                };
                Assert.AreEqual(expected.Length, rig.Link.CommandCount);
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.AreEqual(expected[i], rig.Link.Command(i));
                }

                Assert.AreEqual(0, rig.PowerKey.Pulses);
                Assert.AreEqual(QuectelScript.Iccid, rig.Modem.Identity.Iccid);
                Assert.AreEqual(QuectelScript.Imei, rig.Modem.Identity.Imei);
                Assert.AreEqual(QuectelScript.Revision, rig.Modem.Identity.FirmwareRevision);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void DeclaresNoAlpnWhenTheFirmwareRefusesIt()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ModemCapabilities capabilities = rig.Modem.Capabilities;
                Assert.IsTrue(capabilities.SupportsTls);
                Assert.IsTrue(capabilities.SupportsSni);
                Assert.IsFalse(capabilities.SupportsAlpn);
                Assert.AreEqual(1460, capabilities.MaxSendChunk);
                Assert.AreEqual(6, capabilities.SocketCount);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ConfirmsAlpnOnlyByItsReadBack()
        {
            var rig = new QuectelRig(QuectelRig.FastSettings(), true);
            try
            {
                rig.Modem.PowerOn();
                Assert.IsTrue(rig.Modem.Capabilities.SupportsAlpn);
                Assert.IsTrue(rig.Link.Saw("AT+QSSLCFG=\"alpn\",0"));

                // A firmware that says OK to the setting but reads back something else has no ALPN.
                rig.Link.On("AT+QSSLCFG=\"alpn\",0", "\r\n+QSSLCFG: \"alpn\",0,\"\"\r\n\r\nOK\r\n");
                rig.Modem.PowerOn();
                Assert.IsFalse(rig.Modem.Capabilities.SupportsAlpn);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void PressesPwrkeyWhenSilentAndWaitsForTheBoot()
        {
            var rig = new QuectelRig();
            rig.Link.Silent = true;
            rig.PowerKey.Pressed = () =>
            {
                rig.Link.Silent = false;
                rig.Link.Echo = true;
                rig.Link.InjectLater(QuectelScript.Boot, 30);
            };
            try
            {
                rig.Modem.PowerOn();
                Assert.AreEqual(1, rig.PowerKey.Pulses);
                Assert.AreEqual(800, rig.PowerKey.LastDurationMs);
                Assert.AreEqual(QuectelScript.Iccid, rig.Modem.Identity.Iccid);
                Assert.IsTrue(rig.Channel.EchoLines > 0);
                Assert.IsFalse(rig.Modem.RebootDetected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("catm", "AT+QCFG=\"iotopmode\",0,1")]
        [DataRow("nbiot", "AT+QCFG=\"iotopmode\",1,1")]
        [DataRow("both", "AT+QCFG=\"iotopmode\",2,1")]
        public void SetsTheRadioMode(string mode, string command)
        {
            QuectelSettings settings = QuectelRig.FastSettings();
            settings.RadioMode = mode == "nbiot" ? RadioMode.NbIot : (mode == "both" ? RadioMode.Both : RadioMode.CatM);
            var rig = new QuectelRig(settings, false);
            try
            {
                rig.Modem.PowerOn();
                Assert.IsTrue(rig.Link.Saw("AT+QCFG=\"nwscanmode\",3,1"));
                Assert.IsTrue(rig.Link.Saw(command));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void DropsThePaddingOfANineteenDigitIccid()
        {
            var rig = new QuectelRig();
            rig.Link.On("AT+QCCID", "\r\n+QCCID: 8988228066601234567F\r\n\r\nOK\r\n");
            try
            {
                rig.Modem.PowerOn();
                Assert.AreEqual("8988228066601234567", rig.Modem.Identity.Iccid);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReportsAMissingSim()
        {
            var rig = new QuectelRig();
            rig.Link.On("AT+CPIN?", "\r\n+CME ERROR: SIM not inserted\r\n");
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.PowerOn());
                Assert.AreEqual((int)SimState.NotInserted, (int)rig.Modem.ReadSimState());
                Assert.IsNull(rig.Modem.Identity);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void PowersOffWithQpowdAndWaitsForPoweredDown()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QPOWD=1", "\r\nOK\r\n\r\nPOWERED DOWN\r\n");
            try
            {
                rig.Modem.PowerOff();
                Assert.IsTrue(rig.Link.Saw("AT+QPOWD=1"));
                Assert.IsTrue(rig.Log.Contains("modem powered off"));
                Assert.IsFalse(rig.Modem.RebootDetected);
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
