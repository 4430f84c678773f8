namespace CellularIot.Tests.Modem
{
    using CellularIot.Modem.Quectel;
    using nanoFramework.TestFramework;

    [TestClass]
    public class QuectelAlpnTests
    {
        // ALPN is set and read back on one command line.
        private const string SetAndRead = "AT+QSSLCFG=\"alpn\",0,\"http/1.1\";+QSSLCFG=\"alpn\",0";

        [TestMethod]
        [DataRow("\r\nERROR\r\n", "ALPN not accepted or not read back")]
        [DataRow("\r\nOK\r\n", "ALPN not accepted or not read back")]
        [DataRow("\r\n+QSSLCFG: \"sni\",0,\"http/1.1\"\r\n\r\nOK\r\n", "ALPN read back differs")]
        [DataRow("\r\n+QSSLCFG: \"alpn\",x,\"http/1.1\"\r\n\r\nOK\r\n", "ALPN read back differs")]
        [DataRow("\r\n+QSSLCFG: \"alpn\",1,\"http/1.1\"\r\n\r\nOK\r\n", "ALPN read back differs")]
        public void DeclaresNoAlpnUnlessTheReadBackNamesTheContextAndProtocol(string readBack, string warning)
        {
            var rig = new QuectelRig(QuectelRig.FastSettings(), true);
            rig.Link.On(SetAndRead, readBack);
            try
            {
                rig.Modem.PowerOn();
                Assert.IsFalse(rig.Modem.Capabilities.SupportsAlpn);
                Assert.AreEqual(1, rig.Link.Count(SetAndRead));
                Assert.IsTrue(rig.Log.Contains(warning));
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
