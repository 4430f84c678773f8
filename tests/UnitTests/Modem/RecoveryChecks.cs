namespace CellularIot.Tests.Modem
{
    using CellularIot.Modem;
    using CellularIot.Tests.At;
    using nanoFramework.TestFramework;

    /// <summary>
    /// The recovery ladder and the reboot watch as every driver has them, checked on any driver's rig. Each driver's
    /// test class calls these from a test of its own (so each driver's result shows by name) and adds what only its
    /// dialect shows.
    /// </summary>
    public static class RecoveryChecks
    {
        /// <summary>A module deaf to the probe answers again after AT+CFUN=1,1 and its boot: no PWRKEY press.</summary>
        public static void ResetsASilentModemInSoftware(DriverRig rig)
        {
            string boot = rig.Boot;
            rig.Link.On("AT", string.Empty);
            rig.Link.On("AT+CFUN=1,1", (l, c) =>
            {
                l.Inject("\r\nOK\r\n");
                l.On("AT", "\r\nOK\r\n");
                l.Echo = true;
                l.InjectLater(boot, 50);
            });
            Assert.AreEqual((int)RecoveryStep.SoftReset, (int)rig.Modem.Recover());
            Assert.AreEqual(0, rig.PowerKey.Pulses);
            Assert.IsFalse(rig.Modem.RebootDetected);
        }

        /// <summary>
        /// A module deaf even to the reset: the first press switches it off (it says <paramref name="poweredDown"/>),
        /// the second boots it, and it is brought up again.
        /// </summary>
        public static void PowerCyclesWithTwoPresses(DriverRig rig, string poweredDown)
        {
            rig.Link.Silent = true;
            rig.PowerKey.Pressed = () =>
            {
                if (rig.PowerKey.Pulses == 1)
                {
                    rig.Link.Inject("\r\n" + poweredDown + "\r\n");
                }
                else
                {
                    rig.Link.Silent = false;
                    rig.Link.InjectLater(rig.Boot, 30);
                }
            };
            Assert.AreEqual((int)RecoveryStep.PowerCycle, (int)rig.Modem.Recover());
            Assert.AreEqual(2, rig.PowerKey.Pulses);
            Assert.AreEqual(ThreeGppScript.Iccid, rig.Modem.Identity.Iccid);
        }

        public static void GivesUpWhenEvenThePowerCycleFails(DriverRig rig)
        {
            rig.Link.Silent = true;
            ModemException caught = ModemFailures.Of(() => rig.Modem.Recover());
            Assert.IsNotNull(caught);
            Assert.Contains("did not boot after a PWRKEY power cycle", caught.Message);
            Assert.AreEqual(2, rig.PowerKey.Pulses);
        }

        /// <summary>
        /// The module boots again on its own under an open socket: the driver says so once, the socket is closed without
        /// a close command (<paramref name="closePrefix"/>), and a bring-up clears the news.
        /// </summary>
        public static void DetectsAnUnexpectedReboot(DriverRig rig, string closePrefix)
        {
            ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
            int events = 0;
            rig.Modem.Rebooted += (sender, e) => events++;
            rig.Link.ClearHistory();

            // A module that booted echoes again.
            rig.Link.Echo = true;
            rig.InjectAndWait(rig.Boot);
            Assert.IsTrue(rig.Modem.RebootDetected);
            Assert.IsTrue(socket.IsClosed);
            Assert.AreEqual(1, events);

            socket.Close();
            Assert.AreEqual(0, rig.Link.CountStartingWith(closePrefix));
            rig.Modem.PowerOn();
            Assert.IsFalse(rig.Modem.RebootDetected);
        }

        /// <summary>
        /// A module whose boot ends with <paramref name="lateLine"/> some time after RDY: the late line belongs to the boot
        /// just seen, and only a second one means the module booted again.
        /// </summary>
        public static void TakesALateBootLineAsPartOfTheBoot(DriverRig rig, string lateLine)
        {
            rig.Off("\r\nRDY\r\n");
            rig.Modem.PowerOn();
            rig.InjectAndWait("\r\n" + lateLine + "\r\n");
            Assert.IsFalse(rig.Modem.RebootDetected);

            rig.Link.Inject("\r\n" + lateLine + "\r\n");
            Assert.IsTrue(Eventually.True(() => rig.Modem.RebootDetected, 2000));
        }
    }
}
