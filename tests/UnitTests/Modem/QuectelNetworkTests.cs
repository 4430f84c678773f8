namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Modem;
    using CellularIot.Tests.At;
    using nanoFramework.TestFramework;

    [TestClass]
    public class QuectelNetworkTests
    {
        [TestMethod]
        public void TakesAnActiveContextAsItIs()
        {
            var rig = new QuectelRig().Up();
            try
            {
                Assert.AreEqual("10.1.2.3", rig.Modem.ActivateData("iot.1nce.net"));
                Assert.AreEqual(1, rig.Link.CommandCount);
                Assert.AreEqual("AT+QIACT?", rig.Link.Command(0));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ActivatesTheContextWithoutReadingItsAddress()
        {
            var rig = new QuectelRig().Up();
            rig.Link.Once("AT+QIACT?", "\r\nOK\r\n");
            try
            {
                // AT+QIACT=1 answers OK only once the context is up: its address is not worth a command.
                Assert.AreEqual(string.Empty, rig.Modem.ActivateData("other.apn"));
                Assert.AreEqual("AT+QIACT?", rig.Link.Command(0));
                Assert.AreEqual("AT+QICSGP=1,1,\"other.apn\",\"\",\"\",0", rig.Link.Command(1));
                Assert.AreEqual("AT+QIACT=1", rig.Link.Command(2));
                Assert.AreEqual(3, rig.Link.CommandCount);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void TakesABootedModulesRegistrationAndContextWithoutAsking()
        {
            var rig = new QuectelRig().Off(QuectelScript.Boot);
            try
            {
                rig.Modem.PowerOn();
                rig.Link.ClearHistory();
                rig.Link.InjectLater("\r\n+CEREG: 5\r\n", 30);
                Assert.AreEqual((int)RegistrationState.Roaming, (int)rig.Modem.WaitForRegistration());

                // The APN went with the bring-up's settings, and a module that just booted has no context up.
                Assert.AreEqual(string.Empty, rig.Modem.ActivateData("iot.1nce.net"));
                Assert.AreEqual(1, rig.Link.CommandCount);
                Assert.AreEqual("AT+QIACT=1", rig.Link.Command(0));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReportsARefusedContext()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QIACT?", "\r\nOK\r\n");
            rig.Link.On("AT+QIACT=1", "\r\nERROR\r\n");
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.ActivateData("iot.1nce.net"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void DetachesTheSocketsWhenTheNetworkDropsTheContext()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                rig.Link.Inject("\r\n+QIURC: \"pdpdeact\",1\r\n");
                Assert.IsTrue(Eventually.True(() => socket.IsClosed, 2000));
                socket.Close();
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+QSSLCLOSE"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void DeactivatesTheContext()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QIDEACT=1", (l, c) =>
            {
                l.On("AT+QIACT?", "\r\nOK\r\n");
                l.Inject("\r\nOK\r\n");
            });
            try
            {
                rig.Modem.DeactivateData();
                Assert.IsTrue(rig.Link.Saw("AT+QIDEACT=1"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void WaitsForRoamingRegistration()
        {
            var rig = new QuectelRig().Up();
            rig.Link.Once("AT+CEREG?", "\r\n+CEREG: 1,2\r\n\r\nOK\r\n");
            try
            {
                Assert.AreEqual((int)RegistrationState.Roaming, (int)rig.Modem.WaitForRegistration());
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReadsTheNetworkTimeAsUtc()
        {
            var rig = new QuectelRig().Up();
            try
            {
                // 10:20:30 at +08 quarter hours (UTC+2) is 08:20:30 UTC.
                DateTime utc = rig.Modem.ReadNetworkTimeUtc();
                Assert.AreEqual(new DateTime(2024, 3, 5, 8, 20, 30).Ticks, utc.Ticks);
                Assert.AreEqual("AT+QLTS=2", rig.Link.Command(0));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("\"\"")]
        [DataRow("\"24/03/05,10:20:30+08\"")]
        [DataRow("\"2024/13/05,10:20:30+08,0\"")]
        public void RefusesANetworkTimeItCannotRead(string answer)
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QLTS=2", "\r\n+QLTS: " + answer + "\r\n\r\nOK\r\n");
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.ReadNetworkTimeUtc());
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReadsTheSignal()
        {
            var rig = new QuectelRig().Up();
            try
            {
                Assert.AreEqual(-73, rig.Modem.ReadSignalQuality().Dbm);
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
