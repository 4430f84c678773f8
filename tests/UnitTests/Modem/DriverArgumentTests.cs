namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.At;
    using CellularIot.Modem.Quectel;
    using CellularIot.Modem.Sim7080;
    using CellularIot.Tests.At;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class DriverArgumentTests
    {
        [TestMethod]
        [DataRow(0, "channel")]
        [DataRow(1, "powerKey")]
        [DataRow(2, "clock")]
        [DataRow(3, "log")]
        public void EachDriverNamesTheMissingPart(int missing, string name)
        {
            for (int driver = 0; driver < 2; driver++)
            {
                var link = new ScriptedLink();
                var channel = new AtChannel(link, new RealClock(), new RecordingLog(), new AtChannelSettings());
                ArgumentNullException caught = null;
                try
                {
                    AtChannel givenChannel = missing == 0 ? null : channel;
                    FakePowerKey givenKey = missing == 1 ? null : new FakePowerKey();
                    RealClock givenClock = missing == 2 ? null : new RealClock();
                    RecordingLog givenLog = missing == 3 ? null : new RecordingLog();
                    if (driver == 0)
                    {
                        new Sim7080Modem(givenChannel, givenKey, givenClock, givenLog, ModemRig.FastSettings());
                    }
                    else
                    {
                        new QuectelModem(givenChannel, givenKey, givenClock, givenLog, QuectelRig.FastSettings());
                    }
                }
                catch (ArgumentNullException ex)
                {
                    caught = ex;
                }
                finally
                {
                    link.Dispose();
                }

                Assert.IsNotNull(caught, "driver " + driver);
                Assert.AreEqual(name, caught.ParamName);
            }
        }
    }
}
