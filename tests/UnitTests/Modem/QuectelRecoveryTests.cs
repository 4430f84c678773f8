namespace CellularIot.Tests.Modem
{
    using CellularIot.Modem;
    using CellularIot.Modem.Quectel;
    using nanoFramework.TestFramework;

    [TestClass]
    public class QuectelRecoveryTests
    {
        [TestMethod]
        public void ResetsASilentModemInSoftware()
        {
            var rig = new QuectelRig().Up();
            try
            {
                RecoveryChecks.ResetsASilentModemInSoftware(rig);
                Assert.IsTrue(rig.Link.IndexOf("AT+CFUN=1,1") < rig.Link.IndexOf("AT+QCCID"));
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
                RecoveryChecks.DetectsAnUnexpectedReboot(rig, "AT+QSSLCLOSE");
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
            var rig = new QuectelRig();
            try
            {
                RecoveryChecks.TakesALateBootLineAsPartOfTheBoot(rig, "APP RDY");
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
            try
            {
                RecoveryChecks.PowerCyclesWithTwoPresses(rig, "POWERED DOWN");
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
            try
            {
                RecoveryChecks.GivesUpWhenEvenThePowerCycleFails(rig);
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
