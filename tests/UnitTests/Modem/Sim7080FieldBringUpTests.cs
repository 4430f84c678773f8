namespace CellularIot.Tests.Modem
{
    using CellularIot.Modem;
    using CellularIot.Modem.Sim7080;
    using CellularIot.Tests.At;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>
    /// The bring-up against what real SIM70x0 modules send, every answer reaching the driver in seeded random
    /// splits: unsolicited lines around the bare answers, noise after power-up, a SIM that is busy for its first
    /// seconds, and the end of a boot that arrives after the bring-up.
    /// </summary>
    [TestClass]
    public class Sim7080FieldBringUpTests
    {
        private const string NetworkTime = "\r\nDST: 1\r\n\r\n*PSUTTZ: 24/03/05,10:20:30\",+04,1\r\n";

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void ReadsTheIdentityAmongUnsolicitedLines(int seed)
        {
            var rig = new ModemRig();
            rig.Link.SplitReads(seed, 7);
            rig.Link.On("AT+CCID", "\r\n+APP PDP: 0,ACTIVE\r\n\r\nSMS Ready\r\n" + NetworkTime + "\r\n" + Sim7080Script.Iccid + "\r\n\r\n+CTZV: +04,1\r\n\r\n+CEREG: 5\r\n\r\nOK\r\n");
            try
            {
                rig.Modem.PowerOn();
                Assert.AreEqual(Sim7080Script.Iccid, rig.Modem.Identity.Iccid);
                Assert.IsFalse(rig.Modem.RebootDetected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        public void NoiseAfterPowerUpNeitherBreaksTheBootNorEntersTheIdentity(int seed)
        {
            var rig = new ModemRig();
            rig.Link.SplitReads(seed, 5);
            rig.Link.Silent = true;
            byte[] noise = { 0x00, 0xFF, 0xF8, 0x00, 0x80, 0xFE, 0x7F };
            rig.PowerKey.Pressed = () =>
            {
                rig.Link.Inject(noise);
                rig.Link.Inject("\r\nRD");
                rig.Link.Inject(noise);
                rig.Link.Silent = false;
                rig.Link.Echo = true;
                rig.Link.InjectLater(Sim7080Script.Boot, 30);
            };
            rig.Link.Once("AT+CCID", (l, c) =>
            {
                l.Inject("\r\n");
                l.Inject(noise);
                l.Inject("89882280666012345678\r\n\r\nOK\r\n");
            });
            try
            {
                rig.Modem.PowerOn();
                Assert.AreEqual(Sim7080Script.Iccid, rig.Modem.Identity.Iccid);
                Assert.IsTrue(rig.Channel.NoiseBytes >= 3 * noise.Length);
                Assert.IsFalse(rig.Modem.RebootDetected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow(7)]
        [DataRow(8)]
        public void WaitsOutABusySimThenComesUp(int seed)
        {
            var rig = new ModemRig(FieldSettings());
            rig.Link.SplitReads(seed, 7);
            rig.Link.Once("AT+CPIN?", "\r\n+CME ERROR: SIM busy\r\n");
            rig.Link.Once("AT+CPIN?", "\r\n+CPIN: NOT READY\r\n\r\nOK\r\n");
            rig.Link.Once("AT+CPIN?", "\r\n+CPIN: NOT READY\r\n\r\n+CPIN: READY\r\n\r\nOK\r\n");
            rig.Link.Once("AT+CCID", "\r\n+CME ERROR: 14\r\n");
            try
            {
                rig.Modem.PowerOn();
                Assert.AreEqual(3, rig.Link.Count("AT+CPIN?"));
                Assert.AreEqual(2, rig.Link.Count("AT+CCID"));
                Assert.AreEqual(Sim7080Script.Iccid, rig.Modem.Identity.Iccid);
                Assert.IsTrue(rig.Log.Contains("SIM not ready yet"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void TakesTheModulesOwnReadyReportWithoutAskingAgain()
        {
            // A poll period far longer than the test may take: only the module's +CPIN: READY can end the pause early.
            Sim7080Settings settings = FieldSettings();
            settings.SimReadyTimeoutMs = 30000;
            settings.SimPollMs = 15000;
            var rig = new ModemRig(settings);
            rig.Link.Once("AT+CPIN?", (l, c) =>
            {
                l.Inject("\r\n+CPIN: NOT READY\r\n\r\nOK\r\n");
                l.InjectLater("\r\n+CPIN: READY\r\n", 300);
            });
            var clock = new RealClock();
            try
            {
                long start = clock.MonotonicMs;
                rig.Modem.PowerOn();
                long took = clock.MonotonicMs - start;

                Assert.AreEqual(1, rig.Link.Count("AT+CPIN?"));
                Assert.IsTrue(took < 10000, "took " + took + " ms");
                Assert.AreEqual(Sim7080Script.Iccid, rig.Modem.Identity.Iccid);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReportsASimThatStaysBusyAfterABoundedWait()
        {
            var rig = new ModemRig(FieldSettings());
            rig.Link.On("AT+CPIN?", "\r\n+CME ERROR: SIM busy\r\n");
            try
            {
                ModemException failure = rig.PowerOnFailure();
                Assert.IsNotNull(failure);
                Assert.IsTrue(failure.Message.Contains("not ready"), failure.Message);
                int asked = rig.Link.Count("AT+CPIN?");
                Assert.IsTrue(asked >= 2 && asked <= 12, "asked " + asked + " times");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("\r\n+CME ERROR: SIM not inserted\r\n", 4)]
        [DataRow("\r\n+CME ERROR: 11\r\n", 2)]
        [DataRow("\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n", 2)]
        [DataRow("\r\n+CME ERROR: 13\r\n", 5)]
        public void DoesNotWaitOutARealSimError(string reply, int state)
        {
            var rig = new ModemRig(FieldSettings());
            rig.Link.On("AT+CPIN?", reply);
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.PowerOn());
                Assert.AreEqual(1, rig.Link.Count("AT+CPIN?"));
                Assert.AreEqual(state, (int)rig.Modem.ReadSimState());
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow(9)]
        [DataRow(10)]
        public void TheRestOfABootAfterTheBringUpIsNoReboot(int seed)
        {
            var rig = new ModemRig();
            rig.Link.SplitReads(seed, 7);
            int reboots = 0;
            rig.Modem.Rebooted += (sender, e) => reboots++;
            try
            {
                rig.Up();
                rig.Link.Inject("\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n" + NetworkTime + "\r\nSMS Ready\r\n");

                // +CFUN: 1 and the two network-time lines; +CPIN: READY and SMS Ready have handlers of their own.
                Assert.IsTrue(Eventually.True(() => rig.Channel.UnhandledUrcs >= 3, 2000));
                rig.Modem.ReadSignalQuality();
                System.Threading.Thread.Sleep(200);
                Assert.IsFalse(rig.Modem.RebootDetected);
                Assert.AreEqual(0, reboots);

                rig.Link.Inject(Sim7080Script.Boot);
                Assert.IsTrue(Eventually.True(() => rig.Modem.RebootDetected, 2000));
                Assert.IsTrue(Eventually.True(() => reboots == 1, 2000));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ALateSmsReadyOutsideTheWindowIsAReboot()
        {
            Sim7080Settings settings = ModemRig.FastSettings();
            settings.LateBootWindowMs = 50;
            var rig = new ModemRig(settings).Up();
            try
            {
                System.Threading.Thread.Sleep(150);
                rig.Link.Inject("\r\nSMS Ready\r\n");
                Assert.IsTrue(Eventually.True(() => rig.Modem.RebootDetected, 2000));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("\"24/03/05,10:20:30\"", 10)]
        [DataRow("\"24/03/05,10:20:30+08\"", 8)]
        [DataRow("\"24/03/05,10:20:30-04\"", 11)]
        public void ReadsTheClockWithOrWithoutItsZone(string value, int utcHour)
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CCLK?", "\r\n+CCLK: " + value + "\r\n\r\nOK\r\n");
            try
            {
                System.DateTime utc = rig.Modem.ReadNetworkTimeUtc();
                Assert.AreEqual(utcHour, utc.Hour);
                Assert.AreEqual(20, utc.Minute);
            }
            finally
            {
                rig.Stop();
            }
        }

        private static Sim7080Settings FieldSettings()
        {
            Sim7080Settings settings = ModemRig.FastSettings();
            settings.SimReadyTimeoutMs = 400;
            settings.SimPollMs = 40;
            return settings;
        }
    }
}
