namespace CellularIot.Tests.Modem
{
    using CellularIot.Modem;
    using CellularIot.Modem.Sim7080;
    using nanoFramework.TestFramework;

    [TestClass]
    public class Sim7080BringUpTests
    {
        [TestMethod]
        public void BringsAnAnsweringModemUpInOrder()
        {
            var rig = new ModemRig();
            try
            {
                rig.Modem.PowerOn();
                string[] expected =
                {
                    "AT", "ATE0", "AT+CMEE=2;+CLTS=1;+CEREG=1", "AT+CPIN?", "AT+CCID",
                    "AT+CNMP=38;+CMNB=1;+CGDCONT=1,\"IP\",\"iot.1nce.net\"",
                };
                rig.AssertCommands(expected);

                Assert.AreEqual(0, rig.PowerKey.Pulses);
                Assert.AreEqual(Sim7080Script.Iccid, rig.Modem.Identity.Iccid);

                // Nothing needs the IMEI or the firmware revision: they are not read at every start.
                Assert.IsNull(rig.Modem.Identity.Imei);
                Assert.IsNull(rig.Modem.Identity.FirmwareRevision);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AModuleThatKeptItsSettingsIsOnlyAskedForItsSim()
        {
            var rig = new ModemRig();
            try
            {
                // No echo on the probe: the module has run since an earlier bring-up switched it off.
                rig.Link.Echo = false;
                rig.Modem.PowerOn();
                string[] expected = { "AT", "AT+CCID" };
                rig.AssertCommands(expected);

                // Registered long ago, so asked rather than waited for.
                rig.Link.On("AT+CEREG?", "\r\n+CEREG: 1,5\r\n\r\nOK\r\n");
                Assert.AreEqual((int)RegistrationState.Roaming, (int)rig.Modem.WaitForRegistration());
                Assert.IsTrue(rig.Link.Saw("AT+CEREG?"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void DeclaresItsCapabilities()
        {
            var rig = new ModemRig().Up();
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
        public void PressesPwrkeyWhenSilentAndWaitsForTheBoot()
        {
            var rig = new ModemRig();
            try
            {
                BringUpChecks.PressesPwrkeyWhenSilentAndWaitsForTheBoot(rig, 1000);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void FailsWhenTheModemNeverBoots()
        {
            var rig = new ModemRig();
            try
            {
                BringUpChecks.GivesUpWhenTheModuleDoesNotBootAfterPwrkey(rig);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("catm", "AT+CNMP=38;+CMNB=1;+CGDCONT=1,\"IP\",\"iot.1nce.net\"")]
        [DataRow("nbiot", "AT+CNMP=38;+CMNB=2;+CGDCONT=1,\"IP\",\"iot.1nce.net\"")]
        [DataRow("both", "AT+CNMP=38;+CMNB=3;+CGDCONT=1,\"IP\",\"iot.1nce.net\"")]
        public void SetsTheRadioMode(string mode, string command)
        {
            Sim7080Settings settings = ModemRig.FastSettings();
            settings.RadioMode = mode == "nbiot" ? RadioMode.NbIot : (mode == "both" ? RadioMode.Both : RadioMode.CatM);
            var rig = new ModemRig(settings);
            try
            {
                rig.Modem.PowerOn();
                Assert.IsTrue(rig.Link.Saw(command));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void UsesTheConfiguredApn()
        {
            Sim7080Settings settings = ModemRig.FastSettings();
            settings.Apn = "other.apn";
            var rig = new ModemRig(settings);
            try
            {
                rig.Modem.PowerOn();
                Assert.IsTrue(rig.Link.Saw("AT+CNMP=38;+CMNB=1;+CGDCONT=1,\"IP\",\"other.apn\""));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReportsAMissingSim()
        {
            var rig = new ModemRig();
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
        [DataRow("\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n", 2)]
        [DataRow("\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n", 3)]
        [DataRow("\r\n+CME ERROR: 10\r\n", 4)]
        [DataRow("\r\n+CME ERROR: SIM failure\r\n", 5)]
        public void ReadsTheSimState(string reply, int state)
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CPIN?", reply);
            try
            {
                Assert.AreEqual(state, (int)rig.Modem.ReadSimState());
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void PowersOffWithCpowd()
        {
            var rig = new ModemRig().Up();
            try
            {
                BringUpChecks.PowersOff(rig, "AT+CPOWD=1", "\r\nNORMAL POWER DOWN\r\n");
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
