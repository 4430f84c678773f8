namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Modem;
    using nanoFramework.TestFramework;

    [TestClass]
    public class NetworkTimeTests
    {
        [TestMethod]
        public void SubtractsAPositiveQuarterHourZone()
        {
            DateTime utc;
            Assert.IsTrue(NetworkTime.TryParseCclk("24/03/05,10:20:30+08", out utc));
            Assert.AreEqual(new DateTime(2024, 3, 5, 8, 20, 30).Ticks, utc.Ticks);
        }

        [TestMethod]
        public void AddsANegativeZoneAcrossMidnight()
        {
            DateTime utc;
            Assert.IsTrue(NetworkTime.TryParseCclk("23/12/31,22:00:00-20", out utc));
            Assert.AreEqual(new DateTime(2024, 1, 1, 3, 0, 0).Ticks, utc.Ticks);
        }

        [TestMethod]
        public void HandlesHalfHourZonesAndOneDigitZones()
        {
            DateTime utc;
            Assert.IsTrue(NetworkTime.TryParseCclk("24/06/01,12:00:00+22", out utc));
            Assert.AreEqual(new DateTime(2024, 6, 1, 6, 30, 0).Ticks, utc.Ticks);
            Assert.IsTrue(NetworkTime.TryParseCclk("24/06/01,12:00:00+4", out utc));
            Assert.AreEqual(new DateTime(2024, 6, 1, 11, 0, 0).Ticks, utc.Ticks);
        }

        [TestMethod]
        public void ReadsTheModulesDefaultDateAsThe1980s()
        {
            DateTime utc;
            Assert.IsTrue(NetworkTime.TryParseCclk("80/01/06,00:00:00+00", out utc));
            Assert.AreEqual(new DateTime(1980, 1, 6, 0, 0, 0).Ticks, utc.Ticks);
            Assert.IsTrue(NetworkTime.TryParseCclk("79/12/31,23:59:59+00", out utc));
            Assert.AreEqual(new DateTime(2079, 12, 31, 23, 59, 59).Ticks, utc.Ticks);
        }

        [TestMethod]
        [DataRow("24/02/29,12:00:00+00", "24/02/30,12:00:00+00", 2024)]
        [DataRow("00/02/29,12:00:00+00", "00/02/30,12:00:00+00", 2000)]
        [DataRow("96/02/29,12:00:00+00", "96/02/30,12:00:00+00", 1996)]
        public void KnowsTheLeapYears(string text, string dayAfter, int year)
        {
            DateTime utc;
            Assert.IsTrue(NetworkTime.TryParseCclk(text, out utc));
            Assert.AreEqual(new DateTime(year, 2, 29, 12, 0, 0).Ticks, utc.Ticks);
            Assert.IsFalse(NetworkTime.TryParseCclk(dayAfter, out utc));
        }

        [TestMethod]
        [DataRow("")]
        [DataRow("24/13/05,10:20:30+08")]
        [DataRow("23/02/29,10:20:30+08")]
        [DataRow("24/03/05 10:20:30+08")]
        [DataRow("24/03/05,24:20:30+08")]
        [DataRow("24/03/05,10:20:30*08")]
        [DataRow("24/03/05,10:20:30+0x")]
        [DataRow("24/03/05,10:20:30+ 8")]
        [DataRow("24/03/05,1/:20:30+08")]
        [DataRow("\"24/03/05,10:20:30+08\"")]
        public void RejectsAnythingElse(string text)
        {
            DateTime utc;
            Assert.IsFalse(NetworkTime.TryParseCclk(text, out utc));
        }
    }
}
