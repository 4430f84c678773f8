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
                    "AT", "ATE0", "AT+CMEE=2", "AT+CLTS=1", "AT+CCLK?", "AT+CPIN?", "AT+CCID", "AT+CGSN", "AT+CGMR",
                    "AT+CNMP=38", "AT+CMNB=1", "AT+CGDCONT=1,\"IP\",\"iot.1nce.net\"", "AT+CEREG=1",
                };
                Assert.AreEqual(expected.Length, rig.Link.CommandCount);
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.AreEqual(expected[i], rig.Link.Command(i));
                }

                Assert.AreEqual(0, rig.PowerKey.Pulses);
                Assert.AreEqual(Sim7080Script.Iccid, rig.Modem.Identity.Iccid);
                Assert.AreEqual(Sim7080Script.Imei, rig.Modem.Identity.Imei);
                Assert.AreEqual("1951B17SIM7080", rig.Modem.Identity.FirmwareRevision);
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
        public void PressesPwrkeyWhenSilentAndWaitsForTheBoot()
        {
            var rig = new ModemRig();
            rig.Link.Silent = true;
            rig.PowerKey.Pressed = () =>
            {
                rig.Link.Silent = false;
                rig.Link.Echo = true;
                rig.Link.InjectLater(Sim7080Script.Boot, 30);
            };
            try
            {
                rig.Modem.PowerOn();
                Assert.AreEqual(1, rig.PowerKey.Pulses);
                Assert.AreEqual(1000, rig.PowerKey.LastDurationMs);
                Assert.AreEqual(Sim7080Script.Iccid, rig.Modem.Identity.Iccid);
                Assert.IsTrue(rig.Channel.EchoLines > 0);
                Assert.IsFalse(rig.Modem.RebootDetected);
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
            rig.Link.Silent = true;
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.PowerOn());
                Assert.AreEqual(1, rig.PowerKey.Pulses);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("catm", "AT+CMNB=1")]
        [DataRow("nbiot", "AT+CMNB=2")]
        [DataRow("both", "AT+CMNB=3")]
        public void SetsTheRadioMode(string mode, string command)
        {
            Sim7080Settings settings = ModemRig.FastSettings();
            settings.RadioMode = mode == "nbiot" ? RadioMode.NbIot : (mode == "both" ? RadioMode.Both : RadioMode.CatM);
            var rig = new ModemRig(settings);
            try
            {
                rig.Modem.PowerOn();
                Assert.IsTrue(rig.Link.Saw("AT+CNMP=38"));
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
                Assert.IsTrue(rig.Link.Saw("AT+CGDCONT=1,\"IP\",\"other.apn\""));
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
            rig.Link.On("AT+CPOWD=1", "\r\nNORMAL POWER DOWN\r\n");
            try
            {
                rig.Modem.PowerOff();
                Assert.IsTrue(rig.Link.Saw("AT+CPOWD=1"));
                Assert.IsFalse(rig.Modem.RebootDetected);
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
