namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Modem;
    using CellularIot.Tests.At;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class Sim7080NetworkTests
    {
        [TestMethod]
        public void CountsRoamingAsRegistered()
        {
            var rig = new ModemRig().Up();
            try
            {
                Assert.AreEqual((int)RegistrationState.Roaming, (int)rig.Modem.WaitForRegistration());
                Assert.IsTrue(Registration.IsRegistered(RegistrationState.Roaming));
                Assert.IsTrue(Registration.IsRegistered(RegistrationState.Home));
                Assert.IsFalse(Registration.IsRegistered(RegistrationState.Searching));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void DoesNotTakeTheRegistrationUrcForThePollAnswer()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CEREG?", "\r\n+CEREG: 5\r\n\r\n+CEREG: 1,2\r\n\r\nOK\r\n");
            try
            {
                Assert.AreEqual((int)RegistrationState.Searching, (int)rig.Modem.ReadRegistration());
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void EndsTheWaitOnTheRegistrationUrc()
        {
            var settings = ModemRig.FastSettings();
            settings.RegistrationPollMs = 5000;
            settings.AttachTimeoutMs = 5000;
            var rig = new ModemRig(settings).Up();
            rig.Link.On("AT+CEREG?", "\r\n+CEREG: 1,2\r\n\r\nOK\r\n");
            var clock = new RealClock();
            try
            {
                rig.Link.InjectLater("\r\n+CEREG: 5\r\n", 100);
                long started = clock.MonotonicMs;
                Assert.AreEqual((int)RegistrationState.Roaming, (int)rig.Modem.WaitForRegistration());
                Assert.IsTrue(clock.MonotonicMs - started < 2000);

                // The module booted for this bring-up and reports by URC: it is not asked.
                Assert.AreEqual(0, rig.Link.Count("AT+CEREG?"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void PollsUntilTheAttachTimeoutAndReportsTheLastState()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CEREG?", "\r\n+CEREG: 1,3\r\n\r\nOK\r\n");
            try
            {
                RegistrationException caught = (RegistrationException)ModemFailures.Of(() => rig.Modem.WaitForRegistration());
                Assert.IsNotNull(caught);
                Assert.AreEqual((int)RegistrationState.Denied, (int)caught.LastState);
                Assert.IsTrue(rig.Link.Count("AT+CEREG?") > 2);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ActivatesTheDataContext()
        {
            var rig = new ModemRig().Up();
            bool active = false;
            rig.Link.On("AT+CNACT?", (l, c) => l.Inject(active
                ? "\r\n+CNACT: 0,1,\"10.1.2.3\"\r\n+CNACT: 1,0,\"0.0.0.0\"\r\n\r\nOK\r\n"
                : "\r\n+CNACT: 0,0,\"0.0.0.0\"\r\n+CNACT: 1,0,\"0.0.0.0\"\r\n\r\nOK\r\n"));
            rig.Link.On("AT+CNACT=0,1", (l, c) =>
            {
                l.Inject("\r\nOK\r\n");
                active = true;
                l.InjectLater("\r\n+APP PDP: 0,ACTIVE\r\n", 30);
            });
            try
            {
                // A module that booted for this bring-up has no context yet, and +APP PDP says when it is up: neither is asked.
                Assert.AreEqual(string.Empty, rig.Modem.ActivateData("iot.1nce.net"));
                Assert.AreEqual(0, rig.Link.Count("AT+CNACT?"));
                Assert.IsTrue(rig.Link.Saw("AT+CNCFG=0,1,\"iot.1nce.net\""));
                Assert.IsTrue(rig.Link.Saw("AT+CNACT=0,1"));
                Assert.IsFalse(rig.Link.Saw("AT+CGDCONT=1,\"IP\",\"iot.1nce.net\""));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReportsARefusedDataContext()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CNACT?", "\r\n+CNACT: 0,0,\"0.0.0.0\"\r\n\r\nOK\r\n");
            rig.Link.On("AT+CNACT=0,1", "\r\nOK\r\n\r\n+APP PDP: 0,DEACTIVE\r\n");
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.ActivateData("wrong.apn"));
                Assert.IsTrue(rig.Link.Saw("AT+CGDCONT=1,\"IP\",\"wrong.apn\""));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void DeactivatesTheDataContext()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CNACT=0,0", (l, c) =>
            {
                l.On("AT+CNACT?", "\r\n+CNACT: 0,0,\"0.0.0.0\"\r\n\r\nOK\r\n");
                l.Inject("\r\nOK\r\n\r\n+APP PDP: 0,DEACTIVE\r\n");
            });
            try
            {
                rig.Modem.DeactivateData();
                Assert.IsTrue(rig.Link.Saw("AT+CNACT=0,0"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReadsSignalAndNetworkTime()
        {
            var rig = new ModemRig().Up();
            try
            {
                SignalQuality signal = rig.Modem.ReadSignalQuality();
                Assert.AreEqual(20, signal.Rssi);
                Assert.AreEqual(-73, signal.Dbm);
                Assert.IsTrue(signal.IsKnown);
                Assert.AreEqual(new DateTime(2024, 3, 5, 8, 20, 30).Ticks, rig.Modem.ReadNetworkTimeUtc().Ticks);
                rig.Link.On("AT+CSQ", "\r\n+CSQ: 99,99\r\n\r\nOK\r\n");
                Assert.IsFalse(rig.Modem.ReadSignalQuality().IsKnown);
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
