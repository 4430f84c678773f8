namespace CellularIot.Tests.Modem
{
    using CellularIot.Modem;
    using nanoFramework.TestFramework;

    /// <summary>
    /// Power-up, power-down and what a driver declares, as every driver does them, checked on any driver's rig. Each
    /// driver's test class calls these from a test of its own (so each driver's result shows by name).
    /// </summary>
    public static class BringUpChecks
    {
        /// <summary>A module silent until PWRKEY is pressed once for <paramref name="pulseMs"/>, boots and is brought up.</summary>
        public static void PressesPwrkeyWhenSilentAndWaitsForTheBoot(DriverRig rig, int pulseMs)
        {
            rig.Off(rig.Boot);
            rig.Modem.PowerOn();
            Assert.AreEqual(1, rig.PowerKey.Pulses);
            Assert.AreEqual(pulseMs, rig.PowerKey.LastDurationMs);
            Assert.AreEqual(ThreeGppScript.Iccid, rig.Modem.Identity.Iccid);
            Assert.IsTrue(rig.Channel.EchoLines > 0);
            Assert.IsFalse(rig.Modem.RebootDetected);
        }

        /// <summary>A module that stays silent after one press: the bring-up gives up and names why.</summary>
        public static void GivesUpWhenTheModuleDoesNotBootAfterPwrkey(DriverRig rig)
        {
            rig.Link.Silent = true;
            ModemException caught = rig.PowerOnFailure();
            Assert.IsNotNull(caught);
            Assert.Contains("did not boot", caught.Message);
            Assert.AreEqual(1, rig.PowerKey.Pulses);
            Assert.IsNull(rig.Modem.Identity);
        }

        /// <summary>The scripted firmware refuses ALPN: TLS with SNI, 1460-byte sends and six sockets, no ALPN.</summary>
        public static void DeclaresTlsAndSniWithoutAlpn(DriverRig rig)
        {
            ModemCapabilities capabilities = rig.Modem.Capabilities;
            Assert.IsTrue(capabilities.SupportsTls);
            Assert.IsTrue(capabilities.SupportsSni);
            Assert.IsFalse(capabilities.SupportsAlpn);
            Assert.AreEqual(1460, capabilities.MaxSendChunk);
            Assert.AreEqual(6, capabilities.SocketCount);
        }

        /// <summary>A freshly booted module (echo on) without a SIM: the bring-up fails, and the SIM state says why.</summary>
        public static void ReportsAMissingSim(DriverRig rig)
        {
            rig.Link.Echo = true;
            rig.Link.On("AT+CPIN?", "\r\n+CME ERROR: SIM not inserted\r\n");
            Assert.ThrowsException(typeof(ModemException), () => rig.Modem.PowerOn());
            Assert.AreEqual((int)SimState.NotInserted, (int)rig.Modem.ReadSimState());
            Assert.IsNull(rig.Modem.Identity);
        }

        /// <summary>The module powers down on <paramref name="command"/>, saying <paramref name="reply"/>; the driver logs it.</summary>
        public static void PowersOff(DriverRig rig, string command, string reply)
        {
            rig.Link.On(command, reply);
            rig.Modem.PowerOff();
            Assert.IsTrue(rig.Link.Saw(command));
            Assert.IsTrue(rig.Log.Contains("modem powered off"));
            Assert.IsFalse(rig.Modem.RebootDetected);
        }
    }
}
