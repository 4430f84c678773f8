namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.At;
    using CellularIot.Modem;
    using CellularIot.Modem.Quectel;
    using CellularIot.Tests.At;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class QuectelBringUpFaultTests
    {
        [TestMethod]
        public void RefusesToStartWithoutSettings()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => QuectelSettings.Check(null));
        }

        [TestMethod]
        [DataRow("send", 0)]
        [DataRow("send", 1461)]
        [DataRow("receive", 0)]
        [DataRow("receive", 1501)]
        [DataRow("sockets", 0)]
        [DataRow("sockets", 7)]
        [DataRow("file", 999)]
        public void RefusesSettingsOutOfTheModulesRange(string setting, int value)
        {
            QuectelSettings settings = QuectelRig.FastSettings();
            QuectelSettings.Check(settings);
            if (setting == "send")
            {
                settings.MaxSendChunk = value;
            }
            else if (setting == "receive")
            {
                settings.MaxReceiveChunk = value;
            }
            else if (setting == "sockets")
            {
                settings.SocketCount = value;
            }
            else
            {
                settings.FileTimeoutMs = value;
            }

            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => QuectelSettings.Check(settings));
        }

        [TestMethod]
        [DataRow(1, 1, 1, 1000)]
        [DataRow(1460, 1500, 6, 1000)]
        public void TakesSettingsAtTheEdgesOfTheModulesRange(int send, int receive, int sockets, int fileMs)
        {
            QuectelSettings settings = QuectelRig.FastSettings();
            settings.MaxSendChunk = send;
            settings.MaxReceiveChunk = receive;
            settings.SocketCount = sockets;
            settings.FileTimeoutMs = fileMs;
            QuectelSettings.Check(settings);
            var rig = new QuectelRig(settings, false);
            try
            {
                Assert.AreEqual(sockets, rig.Modem.Capabilities.SocketCount);
                Assert.AreEqual(send, rig.Modem.Capabilities.MaxSendChunk);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void GivesUpWhenTheModuleDoesNotBootAfterPwrkey()
        {
            var rig = new QuectelRig();
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
        public void GivesUpWhenTheBootedModuleNeverAnswersAt()
        {
            var rig = new QuectelRig();
            rig.Link.Silent = true;
            rig.PowerKey.Pressed = () => rig.Link.InjectLater("\r\nRDY\r\n", 20);
            try
            {
                ModemException caught = rig.PowerOnFailure();
                Assert.IsNotNull(caught);
                Assert.Contains("does not answer AT after 3 attempts", caught.Message);
                Assert.AreEqual(1, rig.PowerKey.Pulses);

                // After RDY, ATE0 comes first; unanswered, the module is probed (AT before the key, then 3 attempts) and no
                // second ATE0 follows.
                Assert.AreEqual(1, rig.Link.Count("ATE0"));
                Assert.AreEqual(4, rig.Link.Count("AT"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void FindsAModuleThatBootedWithoutANoticeByProbing()
        {
            var rig = new QuectelRig();
            rig.Link.Silent = true;
            rig.PowerKey.Pressed = () => rig.Link.Silent = false;
            try
            {
                rig.Modem.PowerOn();
                Assert.AreEqual(1, rig.PowerKey.Pulses);
                Assert.AreEqual(QuectelScript.Iccid, rig.Modem.Identity.Iccid);
                Assert.IsFalse(rig.Modem.RebootDetected);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("\r\n+QCCID: 8988228066601\r\n\r\nOK\r\n")]
        [DataRow("\r\n+QCCID: 8988228066601234567X\r\n\r\nOK\r\n")]
        [DataRow("\r\n+QCCID: 898822806660123456-8\r\n\r\nOK\r\n")]
        [DataRow("\r\nOK\r\n")]
        public void RefusesAnUnreadableIccid(string iccidAnswer)
        {
            var rig = new QuectelRig(QuectelRig.FastSettings(), true);
            rig.Link.On("AT+QCCID", iccidAnswer);
            try
            {
                ModemException caught = rig.PowerOnFailure();
                Assert.IsNotNull(caught);
                Assert.Contains("unreadable ICCID", caught.Message);
                Assert.IsNull(rig.Modem.Identity);

                // The bring-up ends at the ICCID: the ALPN probe that follows it is not sent.
                Assert.AreEqual("AT+QCCID", rig.Link.Command(rig.Link.CommandCount - 1));
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+QSSLCFG"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void LeavesAlpnUnprobedWhenTheSettingsSaySo()
        {
            QuectelSettings settings = QuectelRig.FastSettings();
            settings.ProbeAlpn = false;
            var rig = new QuectelRig(settings, true);
            try
            {
                rig.Modem.PowerOn();
                Assert.IsFalse(rig.Modem.Capabilities.SupportsAlpn);
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+QSSLCFG=\"alpn\""));
                Assert.AreEqual("AT+QCCID", rig.Link.Command(rig.Link.CommandCount - 1));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void IgnoresLinesThatOnlyBeginLikeABootNotice()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                int events = 0;
                rig.Modem.Rebooted += (sender, e) => events++;
                rig.InjectAndWait("\r\nRDY2\r\n\r\nAPP RDY!\r\n\r\nPOWERED DOWN SOON\r\n");
                Assert.IsFalse(rig.Modem.RebootDetected);
                Assert.AreEqual(0, events);
                Assert.IsFalse(socket.IsClosed);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void PowersOffNothingBeforeTheChannelRuns()
        {
            var rig = new QuectelRig();
            try
            {
                rig.Modem.PowerOff();
                Assert.AreEqual(0, rig.Link.CommandCount);
                Assert.IsFalse(rig.Channel.IsRunning);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void SendsNoQpowdToASilentModuleButDetachesItsSockets()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                rig.Link.Silent = true;
                rig.Modem.PowerOff();
                Assert.AreEqual(0, rig.Link.Count("AT+QPOWD=1"));
                Assert.IsTrue(socket.IsClosed);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void WarnsWhenPoweredDownNeverComes()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QPOWD=1", "\r\nOK\r\n");
            try
            {
                rig.Modem.PowerOff();
                Assert.IsTrue(rig.Link.Saw("AT+QPOWD=1"));
                Assert.IsTrue(rig.Log.Contains("no POWERED DOWN within 300 ms"));
                Assert.IsFalse(rig.Log.Contains("modem powered off"));
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
