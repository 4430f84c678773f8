namespace CellularIot.Tests.Modem
{
    using CellularIot.Modem;
    using nanoFramework.TestFramework;

    /// <summary>The SIM7080G's data context when +APP PDP does not say what happened: the poll, the time-out, another context's report.</summary>
    [TestClass]
    public class Sim7080DataContextTests
    {
        private const string Inactive = "\r\n+CNACT: 0,0,\"0.0.0.0\"\r\n+CNACT: 1,0,\"0.0.0.0\"\r\n\r\nOK\r\n";

        [TestMethod]
        public void AContextWhoseReportNeverComesIsFoundByThePoll()
        {
            var rig = new ModemRig().Up();
            bool active = false;
            rig.Link.On("AT+CNACT?", (l, c) => l.Inject(active ? "\r\n+CNACT: 0,1,\"10.1.2.3\"\r\n\r\nOK\r\n" : Inactive));
            rig.Link.On("AT+CNACT=0,1", (l, c) =>
            {
                l.Inject("\r\nOK\r\n");
                active = true;
            });
            try
            {
                Assert.AreEqual("10.1.2.3", rig.Modem.ActivateData("iot.1nce.net"));
                Assert.IsTrue(rig.Link.Count("AT+CNACT?") >= 1);
                Assert.IsTrue(rig.Log.Contains("data context up: 10.1.2.3"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AnotherContextsReportNeitherEndsNorFailsTheWaitAndAContextThatStaysDownTimesOut()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CNACT?", Inactive);
            rig.Link.On("AT+CNACT=0,1", "\r\nOK\r\n\r\n+APP PDP: 1,ACTIVE\r\n\r\n+APP PDP: 1,DEACTIVE\r\n");
            try
            {
                ModemException failure = ModemFailures.Of(() => rig.Modem.ActivateData("iot.1nce.net"));
                Assert.IsNotNull(failure);
                Assert.IsTrue(failure.Message.Contains("did not come up within " + ModemRig.FastSettings().DataTimeoutMs + " ms"), failure.Message);
                Assert.IsTrue(rig.Link.Count("AT+CNACT?") >= 2, "polled while it waited");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AContextTheModuleKeptIsFoundWithoutBringingItUpAgain()
        {
            var rig = new ModemRig();

            // A module that answers without echo kept an earlier bring-up's settings and may have its context up.
            rig.Link.Echo = false;
            try
            {
                rig.Modem.PowerOn();
                Assert.AreEqual("10.1.2.3", rig.Modem.ActivateData("iot.1nce.net"));
                Assert.IsFalse(rig.Link.Saw("AT+CNACT=0,1"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AContextThatStaysUpAfterDeactivationIsAFailure()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CNACT=0,0", "\r\nERROR\r\n");
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.DeactivateData());
                Assert.IsTrue(rig.Link.Saw("AT+CNACT?"));
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
