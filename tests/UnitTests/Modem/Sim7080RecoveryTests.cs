namespace CellularIot.Tests.Modem
{
    using CellularIot.Modem;
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
            try
            {
                RecoveryChecks.ResetsASilentModemInSoftware(rig);
                Assert.AreEqual(ModemRig.FastSettings().ProbeAttempts, rig.Link.IndexOf("AT+CFUN=1,1"));
                Assert.IsTrue(rig.Link.IndexOf("AT+CFUN=1,1") < rig.Link.IndexOf("ATE0"));
                Assert.IsTrue(rig.Link.Saw("AT+CMEE=2;+CLTS=1;+CEREG=1"));
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
            try
            {
                RecoveryChecks.PowerCyclesWithTwoPresses(rig, "NORMAL POWER DOWN");
                Assert.IsTrue(rig.Link.Saw("AT+CFUN=1,1"));
                Assert.IsTrue(rig.Link.IndexOf("AT+CFUN=1,1") < rig.Link.IndexOf("ATE0"));
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
            try
            {
                RecoveryChecks.GivesUpWhenEvenThePowerCycleFails(rig);
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
                RecoveryChecks.DetectsAnUnexpectedReboot(rig, "AT+CACLOSE");
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
            try
            {
                RecoveryChecks.TakesALateBootLineAsPartOfTheBoot(rig, "SMS Ready");
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
