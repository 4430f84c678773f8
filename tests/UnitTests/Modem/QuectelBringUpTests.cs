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

            // It answers with echo: it booted since any bring-up, so its settings are written.
            rig.Link.Echo = true;
            try
            {
                rig.Modem.PowerOn();
                string[] expected =
                {
                    "AT", "ATE0",
                    "AT+CMEE=2;+CEREG=1;+QCFG=\"nwscanmode\",3,1;+QCFG=\"iotopmode\",0,1;+QICSGP=1,1,\"iot.1nce.net\",\"\",\"\",0",
                    "AT+CPIN?", "AT+QCCID", "AT+QSSLCFG=\"alpn\",0,\"http/1.1\";+QSSLCFG=\"alpn\",0",
                };
                rig.AssertCommands(expected);
                Assert.AreEqual(0, rig.PowerKey.Pulses);
                Assert.AreEqual(QuectelScript.Iccid, rig.Modem.Identity.Iccid);
                Assert.IsNull(rig.Modem.Identity.Imei);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void KeepsTheSettingsOfAModuleThatAnswersWithoutEcho()
        {
            var rig = new QuectelRig();
            try
            {
                // No echo: the module ran since a bring-up that switched it off, and kept what that one wrote.
                rig.Modem.PowerOn();
                string[] first = { "AT", "AT+QCCID", "AT+QSSLCFG=\"alpn\",0,\"http/1.1\";+QSSLCFG=\"alpn\",0" };
                rig.AssertCommands(first);

                // The ALPN probe is read once a start of the driver.
                rig.Link.ClearHistory();
                rig.Modem.PowerOn();
                string[] again = { "AT", "AT+QCCID" };
                rig.AssertCommands(again);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void TakesTheSimStateFromTheBootAndAsksOnlyWithoutIt()
        {
            var rig = new QuectelRig().Off(QuectelScript.Boot);
            try
            {
                rig.Modem.PowerOn();
                Assert.IsFalse(rig.Link.Saw("AT+CPIN?"));

                // A SIM still initialising says so by itself; the wait goes on for the state that follows.
                rig.Link.Silent = true;
                rig.PowerKey.Pressed = () =>
                {
                    rig.Link.Silent = false;
                    rig.Link.Echo = true;
                    rig.Link.Inject("\r\nRDY\r\n\r\n+CPIN: NOT READY\r\n");
                    rig.Link.InjectLater("\r\n+CPIN: READY\r\n", 100);
                };
                rig.Link.ClearHistory();
                rig.Modem.PowerOn();
                Assert.IsFalse(rig.Link.Saw("AT+CPIN?"));

                // A boot that says nothing of its SIM within the report time: the driver asks.
                rig.Off("\r\nRDY\r\n");
                rig.Link.ClearHistory();
                rig.Modem.PowerOn();
                Assert.IsTrue(rig.Link.Saw("AT+CPIN?"));
                Assert.AreEqual(QuectelScript.Iccid, rig.Modem.Identity.Iccid);
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
                BringUpChecks.DeclaresTlsAndSniWithoutAlpn(rig);
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
                Assert.IsTrue(rig.Link.Saw("AT+QSSLCFG=\"alpn\",0,\"http/1.1\";+QSSLCFG=\"alpn\",0"));
            }
            finally
            {
                rig.Stop();
            }

            // A firmware that says OK to the setting but reads back something else has no ALPN.
            rig = new QuectelRig(QuectelRig.FastSettings(), true);
            rig.Link.On("AT+QSSLCFG=\"alpn\"*", "\r\n+QSSLCFG: \"alpn\",0,\"\"\r\n\r\nOK\r\n");
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
        public void PressesPwrkeyWhenSilentAndWaitsForTheBoot()
        {
            var rig = new QuectelRig();
            try
            {
                BringUpChecks.PressesPwrkeyWhenSilentAndWaitsForTheBoot(rig, 800);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("catm", "0")]
        [DataRow("nbiot", "1")]
        [DataRow("both", "2")]
        public void SetsTheRadioMode(string mode, string command)
        {
            QuectelSettings settings = QuectelRig.FastSettings();
            settings.RadioMode = mode == "nbiot" ? RadioMode.NbIot : (mode == "both" ? RadioMode.Both : RadioMode.CatM);
            var rig = new QuectelRig(settings, false);
            rig.Link.Echo = true;
            try
            {
                rig.Modem.PowerOn();
                Assert.IsTrue(rig.Link.Saw("AT+CMEE=2;+CEREG=1;+QCFG=\"nwscanmode\",3,1;+QCFG=\"iotopmode\"," + command + ",1;+QICSGP=1,1,\"iot.1nce.net\",\"\",\"\",0"));
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
            try
            {
                BringUpChecks.ReportsAMissingSim(rig);
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
            try
            {
                BringUpChecks.PowersOff(rig, "AT+QPOWD=1", "\r\nOK\r\n\r\nPOWERED DOWN\r\n");
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
