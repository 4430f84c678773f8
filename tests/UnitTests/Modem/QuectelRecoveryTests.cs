namespace CellularIot.Tests.Modem
{
    using System.Threading;
    using CellularIot.Modem;
    using CellularIot.Modem.Quectel;
    using CellularIot.Tests.At;
    using nanoFramework.TestFramework;

    [TestClass]
    public class QuectelRecoveryTests
    {
        [TestMethod]
        public void ResetsASilentModemInSoftware()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT", string.Empty);
            rig.Link.On("AT+CFUN=1,1", (l, c) =>
            {
                l.Inject("\r\nOK\r\n");
                l.On("AT", "\r\nOK\r\n");
                l.Echo = true;
                l.InjectLater(QuectelScript.Boot, 50);
            });
            try
            {
                Assert.AreEqual((int)RecoveryStep.SoftReset, (int)rig.Modem.Recover());
                Assert.IsTrue(rig.Link.IndexOf("AT+CFUN=1,1") < rig.Link.IndexOf("AT+QCCID"));
                Assert.AreEqual(0, rig.PowerKey.Pulses);
                Assert.IsFalse(rig.Modem.RebootDetected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AsksForTheRegistrationOfAModuleThatAnsweredTheRecoveryProbe()
        {
            // No poll within the attach time: only asking at once can find the registration.
            QuectelSettings settings = QuectelRig.FastSettings();
            settings.RegistrationPollMs = 60000;
            var rig = new QuectelRig(settings, false).Off(QuectelScript.Boot);
            try
            {
                rig.Modem.PowerOn();
                Assert.AreEqual((int)RecoveryStep.AtProbe, (int)rig.Modem.Recover());
                rig.Link.ClearHistory();
                Assert.AreEqual((int)RegistrationState.Roaming, (int)rig.Modem.WaitForRegistration());
                Assert.AreEqual("AT+CEREG?", rig.Link.Command(0));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void DetectsAnUnexpectedRebootAndForgetsTheSslContexts()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                int events = 0;
                var handled = new ManualResetEvent(false);
                rig.Modem.Rebooted += (sender, e) => events++;
                rig.Channel.Register("+SENTINEL", line => handled.Set());
                rig.Link.ClearHistory();

                rig.Link.Echo = true;
                rig.Link.Inject(QuectelScript.Boot + "\r\n+SENTINEL\r\n");
                Assert.IsTrue(handled.WaitOne(2000, false));
                Assert.IsTrue(rig.Modem.RebootDetected);
                Assert.IsTrue(socket.IsClosed);
                Assert.AreEqual(1, events);

                socket.Close();
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+QSSLCLOSE"));
                rig.Modem.PowerOn();
                Assert.IsFalse(rig.Modem.RebootDetected);
                rig.Link.ClearHistory();
                rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.AreEqual(QuectelScript.SslSettings, rig.Link.Command(0));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void TakesALateAppReadyAsPartOfTheBoot()
        {
            var rig = new QuectelRig().Off("\r\nRDY\r\n");
            try
            {
                rig.Modem.PowerOn();
                rig.InjectAndWait("\r\nAPP RDY\r\n");
                Assert.IsFalse(rig.Modem.RebootDetected);

                rig.Link.Inject("\r\nAPP RDY\r\n");
                Assert.IsTrue(Eventually.True(() => rig.Modem.RebootDetected, 2000));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void SwitchesOnAModuleThatWasOffWithOnePress()
        {
            var rig = new QuectelRig().Up().Off(QuectelScript.Boot);
            try
            {
                Assert.AreEqual((int)RecoveryStep.PowerCycle, (int)rig.Modem.Recover());
                Assert.AreEqual(1, rig.PowerKey.Pulses);
                Assert.IsTrue(rig.Link.IndexOf("AT+CFUN=1,1") < rig.Link.IndexOf("ATE0"));
                Assert.AreEqual(QuectelScript.Iccid, rig.Modem.Identity.Iccid);
                Assert.IsFalse(rig.Modem.RebootDetected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void PowerCyclesAHungModuleWithTwoPresses()
        {
            var rig = new QuectelRig().Up();
            rig.Link.Silent = true;
            rig.PowerKey.Pressed = () =>
            {
                if (rig.PowerKey.Pulses == 1)
                {
                    rig.Link.Inject("\r\nPOWERED DOWN\r\n");
                }
                else
                {
                    rig.Link.Silent = false;
                    rig.Link.InjectLater(QuectelScript.Boot, 30);
                }
            };
            try
            {
                Assert.AreEqual((int)RecoveryStep.PowerCycle, (int)rig.Modem.Recover());
                Assert.AreEqual(2, rig.PowerKey.Pulses);
                Assert.AreEqual(QuectelScript.Iccid, rig.Modem.Identity.Iccid);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void GivesUpWhenEvenThePowerCycleFails()
        {
            var rig = new QuectelRig().Up();
            rig.Link.Silent = true;
            try
            {
                ModemException caught = null;
                try
                {
                    rig.Modem.Recover();
                }
                catch (ModemException ex)
                {
                    caught = ex;
                }

                Assert.IsNotNull(caught);
                Assert.Contains("did not boot after a PWRKEY power cycle", caught.Message);
                Assert.AreEqual(2, rig.PowerKey.Pulses);
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
