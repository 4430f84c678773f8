namespace CellularIot.Tests.Modem
{
    using System.Threading;
    using CellularIot.Modem;
    using CellularIot.Tests.At;
    using nanoFramework.TestFramework;

    [TestClass]
    public class Sim7080RecoveryTests
    {
        [TestMethod]
        public void StopsAtTheProbeWhenTheModemAnswers()
        {
            var rig = new ModemRig().Up();
            try
            {
                Assert.AreEqual((int)RecoveryStep.AtProbe, (int)rig.Modem.Recover());
                Assert.AreEqual("AT", rig.Link.Command(0));
                Assert.IsTrue(rig.Link.Saw("ATE0"));
                Assert.IsFalse(rig.Link.Saw("AT+CFUN=1,1"));
                Assert.AreEqual(0, rig.PowerKey.Pulses);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ResetsASilentModemInSoftware()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT", string.Empty);
            rig.Link.On("AT+CFUN=1,1", (l, c) =>
            {
                l.Inject("\r\nOK\r\n");
                l.On("AT", "\r\nOK\r\n");
                l.Echo = true;
                l.InjectLater(Sim7080Script.Boot, 50);
            });
            try
            {
                Assert.AreEqual((int)RecoveryStep.SoftReset, (int)rig.Modem.Recover());
                Assert.AreEqual(ModemRig.FastSettings().ProbeAttempts, rig.Link.IndexOf("AT+CFUN=1,1"));
                Assert.IsTrue(rig.Link.IndexOf("AT+CFUN=1,1") < rig.Link.IndexOf("ATE0"));
                Assert.IsTrue(rig.Link.Saw("AT+CMEE=2;+CLTS=1;+CEREG=1"));
                Assert.AreEqual(0, rig.PowerKey.Pulses);
                Assert.IsFalse(rig.Modem.RebootDetected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void PowerCyclesADeadModem()
        {
            var rig = new ModemRig().Up();
            rig.Link.Silent = true;
            rig.PowerKey.Pressed = () =>
            {
                if (rig.PowerKey.Pulses == 1)
                {
                    rig.Link.Inject("\r\nNORMAL POWER DOWN\r\n");
                }
                else
                {
                    rig.Link.Silent = false;
                    rig.Link.InjectLater(Sim7080Script.Boot, 30);
                }
            };
            try
            {
                Assert.AreEqual((int)RecoveryStep.PowerCycle, (int)rig.Modem.Recover());
                Assert.AreEqual(2, rig.PowerKey.Pulses);
                Assert.IsTrue(rig.Link.Saw("AT+CFUN=1,1"));
                Assert.IsTrue(rig.Link.IndexOf("AT+CFUN=1,1") < rig.Link.IndexOf("ATE0"));
                Assert.AreEqual(Sim7080Script.Iccid, rig.Modem.Identity.Iccid);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void GivesUpWhenEvenThePowerCycleFails()
        {
            var rig = new ModemRig().Up();
            rig.Link.Silent = true;
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.Recover());
                Assert.AreEqual(2, rig.PowerKey.Pulses);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void DetectsAnUnexpectedReboot()
        {
            var rig = new ModemRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                int events = 0;
                var handled = new ManualResetEvent(false);
                rig.Modem.Rebooted += (sender, e) => events++;
                rig.Channel.Register("+SENTINEL", line => handled.Set());
                rig.Link.ClearHistory();

                // URC handlers run in arrival order, so once the sentinel is handled the whole boot has been.
                rig.Link.Inject(Sim7080Script.Boot + "\r\n+SENTINEL\r\n");
                Assert.IsTrue(handled.WaitOne(2000, false));
                Assert.IsTrue(rig.Modem.RebootDetected);
                Assert.IsTrue(socket.IsClosed);
                Assert.AreEqual(1, events);

                socket.Close();
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+CACLOSE"));
                rig.Modem.PowerOn();
                Assert.IsFalse(rig.Modem.RebootDetected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void TakesALateSmsReadyAsPartOfTheBoot()
        {
            var rig = new ModemRig();
            rig.Link.Silent = true;
            rig.PowerKey.Pressed = () =>
            {
                rig.Link.Silent = false;
                rig.Link.InjectLater("\r\nRDY\r\n", 20);
            };
            try
            {
                rig.Modem.PowerOn();
                rig.InjectAndWait("\r\nSMS Ready\r\n");
                Assert.IsFalse(rig.Modem.RebootDetected);

                rig.Link.Inject("\r\nSMS Ready\r\n");
                Assert.IsTrue(Eventually.True(() => rig.Modem.RebootDetected, 2000));
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
