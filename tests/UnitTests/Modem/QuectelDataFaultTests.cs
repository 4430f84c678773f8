namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Modem;
    using nanoFramework.TestFramework;

    [TestClass]
    public class QuectelDataFaultTests
    {
        [TestMethod]
        public void ActivatesTheContextWhenNoLineShowsItUpWithAnAddress()
        {
            var rig = new QuectelRig().Up();
            rig.Link.Once(
                "AT+QIACT?",
                "\r\n+QIACT: x,1,1,\"10.0.0.1\"\r\n+QIACT: 2,1,1,\"10.0.0.2\"\r\n+QIACT: 1,x,1,\"10.0.0.3\"\r\n+QIACT: 1,0,1,\"10.0.0.4\"\r\n"
                + "+QIACT: 1,1,1\r\n+QIACT: 1,1,1,\"\"\r\n+QIACT: 1,1,1,\"0.0.0.0\"\r\n\r\nOK\r\n");
            try
            {
                // AT+QIACT=1 brings it up; its OK says so, and the address is not asked.
                Assert.AreEqual(string.Empty, rig.Modem.ActivateData("iot.1nce.net"));
                Assert.AreEqual("AT+QIACT?", rig.Link.Command(0));
                Assert.AreEqual("AT+QIACT=1", rig.Link.Command(rig.Link.CommandCount - 1));
                Assert.AreEqual(1, rig.Link.Count("AT+QIACT?"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void KeepsTheSocketsWhenTheContextStaysUpAfterADeactivation()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QIDEACT=1", "\r\nERROR\r\n");
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.DeactivateData());
                Assert.IsTrue(rig.Link.Saw("AT+QIACT?"));
                Assert.IsFalse(socket.IsClosed);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void IgnoresDataContextUrcsOfOtherKindsAndContexts()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                rig.InjectAndWait("\r\n+QIURC: \"pdpdeact\",2\r\n\r\n+QIURC: \"pdpdeact\",x\r\n\r\n+QIURC: \"closed\",1\r\n");
                Assert.IsFalse(socket.IsClosed);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReadsANetworkTimeWithoutTheDaylightFlag()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QLTS=2", "\r\n+QLTS: \"2024/03/05,10:20:30-08\"\r\n\r\nOK\r\n");
            try
            {
                // 10:20:30 at -08 quarter hours (UTC-2) is 12:20:30 UTC.
                Assert.AreEqual(new DateTime(2024, 3, 5, 12, 20, 30).Ticks, rig.Modem.ReadNetworkTimeUtc().Ticks);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReportsATimeQueryWithoutItsAnswerLine()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QLTS=2", "\r\nOK\r\n");
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.ReadNetworkTimeUtc());
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
