namespace CellularIot.Tests.Modem
{
    using CellularIot.Modem;
    using nanoFramework.TestFramework;

    /// <summary>The standard 3GPP queries (SIM, registration, bare identity lines), driven through the BG95 driver (the bare line through the SIM7080G's).</summary>
    [TestClass]
    public class ThreeGppQueriesTests
    {
        [TestMethod]
        [DataRow("\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n", "SIM not ready: the SIM asks for its PIN")]
        [DataRow("\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n", "SIM not ready: the SIM is blocked (PUK required)")]
        [DataRow("\r\n+CPIN: PH-SIM PIN\r\n\r\nOK\r\n", "SIM not ready: unknown SIM state")]
        [DataRow("\r\n+CME ERROR: SIM failure\r\n", "SIM not ready: SIM failure")]
        [DataRow("\r\n+CME ERROR: 10\r\n", "SIM not ready: SIM not inserted")]
        public void SaysWhyTheSimCannotBeUsed(string answer, string message)
        {
            var rig = new QuectelRig();

            // It answers with echo: it booted since any bring-up, so the SIM is asked for.
            rig.Link.Echo = true;
            rig.Link.On("AT+CPIN?", answer);
            try
            {
                ModemException caught = rig.PowerOnFailure();
                Assert.IsNotNull(caught);
                Assert.AreEqual(message, caught.Message);
                Assert.AreEqual(0, rig.Link.Count("AT+QCCID"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReportsASimQueryThatFailedWithoutAnErrorCode()
        {
            var rig = new QuectelRig();
            rig.Link.Echo = true;
            rig.Link.On("AT+CPIN?", "\r\nERROR\r\n");
            try
            {
                ModemException caught = rig.PowerOnFailure();
                Assert.IsNotNull(caught);
                Assert.AreEqual("AT+CPIN?: ERROR", caught.Message);
                Assert.AreEqual(0, rig.Link.Count("AT+QCCID"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void KeepsTheLastRegistrationAUrcReportedWhenAGarbledOneFollows()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+CEREG?", "\r\n+CEREG: 1,2\r\n\r\nOK\r\n");
            try
            {
                rig.InjectAndWait("\r\n+CEREG: 5\r\n\r\n+CEREG: x\r\n");
                Assert.AreEqual((int)RegistrationState.Roaming, (int)rig.Modem.WaitForRegistration());
                Assert.AreEqual(0, rig.Link.Count("AT+CEREG?"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("\r\nOK\r\n")]
        [DataRow("\r\n+CEREG: 1,x\r\n\r\nOK\r\n")]
        [DataRow("\r\n+CEREG: 5\r\n\r\nOK\r\n")]
        public void ReadsARegistrationWithoutAStatusAsUnknown(string answer)
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+CEREG?", answer);
            try
            {
                Assert.AreEqual((int)RegistrationState.Unknown, (int)rig.Modem.ReadRegistration());
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("\r\nOK\r\n")]
        [DataRow("\r\n+CSQ: x,99\r\n\r\nOK\r\n")]
        [DataRow("\r\n+CSQ: 20,x\r\n\r\nOK\r\n")]
        public void RefusesAnUnreadableSignalQuality(string answer)
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+CSQ", answer);
            try
            {
                ModemException caught = ModemFailures.Of(() => rig.Modem.ReadSignalQuality());
                Assert.IsNotNull(caught);
                Assert.AreEqual("unreadable AT+CSQ answer", caught.Message);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("\r\nOK\r\n", "unreadable AT+CCLK answer: ")]
        [DataRow("\r\n+CCLK: \"24/13/05,10:20:30+08\"\r\n\r\nOK\r\n", "unreadable AT+CCLK answer: 24/13/05,10:20:30+08")]
        public void RefusesAnUnreadableClock(string answer, string message)
        {
            // The clock query is the SIM7080G's (the BG95 reads AT+QLTS).
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CCLK?", answer);
            try
            {
                ModemException caught = ModemFailures.Of(() => rig.Modem.ReadNetworkTimeUtc());
                Assert.IsNotNull(caught);
                Assert.AreEqual(message, caught.Message);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void RefusesAnIdentityQueryWithoutItsLine()
        {
            // The SIM7080G reads its ICCID as a bare line (the BG95 no longer reads one).
            var rig = new ModemRig();
            rig.Link.On("AT+CCID", "\r\nOK\r\n");
            try
            {
                ModemException caught = rig.PowerOnFailure();
                Assert.IsNotNull(caught);
                Assert.AreEqual("AT+CCID gave no answer line of the expected shape", caught.Message);
                Assert.IsNull(rig.Modem.Identity);
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
