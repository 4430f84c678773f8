namespace CellularIot.Tests.Modem
{
    using CellularIot.Modem;
    using nanoFramework.TestFramework;

    /// <summary>The generic modem values: registration numbers, signal strength and the words of an open failure.</summary>
    [TestClass]
    public class ModemValueTests
    {
        [TestMethod]
        [DataRow(-1, 4)]
        [DataRow(0, 0)]
        [DataRow(5, 5)]
        [DataRow(6, 4)]
        public void TakesOnlyTheKnownRegistrationNumbers(int status, int state)
        {
            Assert.AreEqual(state, (int)Registration.FromStatus(status));
        }

        [TestMethod]
        public void SaysWhenTheNetworkDeniedTheRegistration()
        {
            Assert.AreEqual("not registered after 1000 ms; last +CEREG status 3 (denied)", new RegistrationException(RegistrationState.Denied, 1000).Message);
            Assert.AreEqual("not registered after 1000 ms; last +CEREG status 2", new RegistrationException(RegistrationState.Searching, 1000).Message);
        }

        [TestMethod]
        [DataRow(-1, false, 0)]
        [DataRow(0, true, -113)]
        [DataRow(31, true, -51)]
        [DataRow(32, false, 0)]
        [DataRow(99, false, 0)]
        public void KnowsTheSignalOnlyFromRssi0To31(int rssi, bool known, int dbm)
        {
            var signal = new SignalQuality(rssi, 0);
            Assert.AreEqual(known, signal.IsKnown);
            Assert.AreEqual(dbm, signal.Dbm);
        }

        [TestMethod]
        [DataRow(0, "the open command failed")]
        [DataRow(1, "no result in time")]
        [DataRow(2, "did not confirm the ALPN")]
        [DataRow(3, "unknown result")]
        [DataRow(4, "socket error")]
        [DataRow(5, "out of memory")]
        [DataRow(6, "connection limit")]
        [DataRow(7, "invalid parameter")]
        [DataRow(8, "invalid IP address")]
        [DataRow(9, "not supported")]
        [DataRow(10, "did not resolve")]
        [DataRow(11, "data context not active")]
        [DataRow(12, "refused by the server")]
        [DataRow(13, "check the modem clock")]
        [DataRow(14, "name does not match the host")]
        [DataRow(15, "time and its name")]
        [DataRow(16, "connect failed")]
        public void ExplainsEveryOpenFailure(int error, string words)
        {
            var failure = new SocketOpenException("h", (SocketOpenError)error, 7);
            Assert.Contains("cannot open a TLS socket to h: ", failure.Message);
            Assert.Contains(words, failure.Message);
            Assert.Contains("(modem result 7)", failure.Message);
        }
    }
}
