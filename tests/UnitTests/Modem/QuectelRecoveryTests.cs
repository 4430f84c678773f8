namespace CellularIot.Tests.Modem
{
    using System.Threading;
    using CellularIot.Modem;
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
                Assert.IsTrue(rig.Link.Saw("AT+QSSLCFG=\"cacert\",0,\"UFS:ca.pem\""));
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
            rig.Link.Silent = true;
            rig.PowerKey.Pressed = () =>
            {
                rig.Link.Silent = false;
                rig.Link.InjectLater("\r\nRDY\r\n", 20);
            };
            try
            {
                rig.Modem.PowerOn();
                var handled = new ManualResetEvent(false);
                rig.Channel.Register("+SENTINEL", line => handled.Set());
                rig.Link.Inject("\r\nAPP RDY\r\n\r\n+SENTINEL\r\n");
                Assert.IsTrue(handled.WaitOne(2000, false));
                Assert.IsFalse(rig.Modem.RebootDetected);

                rig.Link.Inject("\r\nAPP RDY\r\n");
                Assert.IsTrue(ModemRig.WaitFor(() => rig.Modem.RebootDetected, 2000));
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
