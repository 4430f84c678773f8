namespace CellularIot.Tests.Modem
{
    using CellularIot.Bytes;
    using CellularIot.Modem;
    using CellularIot.Modem.Quectel;
    using CellularIot.Tests.At;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    [TestClass]
    public class QuectelCaTests
    {
        [TestMethod]
        [DataRow("", 0)]
        [DataRow("41", 0x4100)]
        [DataRow("4142", 0x4142)]
        [DataRow("414243", 0x0242)]
        [DataRow("41424344", 0x0206)]
        [DataRow("ffff0001", 0xfffe)]
        public void ComputesTheUploadChecksum(string hex, int checksum)
        {
            byte[] data = HexBytes.Parse(hex);
            Assert.AreEqual(checksum, QuectelChecksum.Compute(data, 0, data.Length));
        }

        [TestMethod]
        [DataRow("242", 0x242)]
        [DataRow("fFfE", 0xfffe)]
        [DataRow("", -1)]
        [DataRow("12345", -1)]
        [DataRow("12g4", -1)]
        [DataRow("1\u01004", -1)]
        public void ReadsTheModulesChecksum(string text, int value)
        {
            Assert.AreEqual(value, QuectelChecksum.Parse(text));
        }

        [TestMethod]
        public void UploadsAMissingFileVerifiesItsChecksumAndLeavesItsMarker()
        {
            var rig = new QuectelRig().Up();
            AnswerUpload(rig, "+QFUPL: 3,242");
            try
            {
                Assert.IsTrue(rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes("ABC")));
                Assert.AreEqual("AT+QFLST=\"*\"", rig.Link.Command(0));
                Assert.AreEqual("AT+QFUPL=\"UFS:ca.pem\",3,1", rig.Link.Command(1));
                Assert.AreEqual("AT+QFUPL=\"UFS:ca.pem.0242\",1,1", rig.Link.Command(2));
                Assert.AreEqual(3, rig.Link.CommandCount);
                Assert.AreEqual("ABC", Utf8.Decode(rig.Link.Payload(0), 0, 3));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void SkipsTheUploadWhenTheFileAndTheMarkerOfItsContentAreStored()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QFLST=*", "\r\n+QFLST: \"UFS:ca.pem\",3\r\n+QFLST: \"UFS:ca.pem.0242\",1\r\n+QFLST: \"UFS:other\",9\r\n\r\nOK\r\n");
            try
            {
                Assert.IsFalse(rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes("ABC")));
                Assert.AreEqual(1, rig.Link.CommandCount);
                Assert.IsTrue(rig.Log.Contains("unchanged"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ChecksACaOncePerStartOfTheModule()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QFLST=*", "\r\n+QFLST: \"UFS:ca.pem\",3\r\n+QFLST: \"UFS:ca.pem.0242\",1\r\n\r\nOK\r\n");
            try
            {
                Assert.IsFalse(rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes("ABC")));
                Assert.IsFalse(rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes("ABC")));
                Assert.AreEqual(1, rig.Link.CommandCount);

                // Other content is looked for again; so is the same after the module restarted.
                AnswerUpload(rig, "+QFUPL: 3,542");
                Assert.IsTrue(rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes("ABD")));
                rig.Link.ClearHistory();
                rig.Link.Echo = true;
                rig.Link.Inject(QuectelScript.Boot);
                Assert.IsTrue(Eventually.True(() => rig.Modem.RebootDetected, 2000));
                rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes("ABC"));
                Assert.AreEqual("AT+QFLST=\"*\"", rig.Link.Command(0));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("+QFLST: \"UFS:ca.pem\",3\r\n+QFLST: \"UFS:ca.pem.1111\",1")]
        [DataRow("+QFLST: \"UFS:ca.pem\",3")]
        [DataRow("+QFLST: \"UFS:ca.pem\",1200\r\n+QFLST: \"UFS:ca.pem.0242\",1")]
        public void ReplacesAStoredFileOfOtherContentWithItsMarker(string listing)
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QFLST=*", "\r\n" + listing + "\r\n+QFLST: \"UFS:other\",9\r\n\r\nOK\r\n");
            AnswerUpload(rig, "+QFUPL: 3,242");
            try
            {
                Assert.IsTrue(rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes("ABC")));
                Assert.IsTrue(rig.Link.Saw("AT+QFDEL=\"UFS:ca.pem\""));
                Assert.AreEqual(0, rig.Link.Count("AT+QFDEL=\"UFS:other\""));
                Assert.AreEqual(rig.Link.CountStartingWith("AT+QFLST") + rig.Link.CountStartingWith("AT+QFDEL") + 2, rig.Link.CommandCount);
                Assert.AreEqual("AT+QFUPL=\"UFS:ca.pem.0242\",1,1", rig.Link.Command(rig.Link.CommandCount - 1));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("+QFUPL: 3,243")]
        [DataRow("+QFUPL: 2,242")]
        public void DeletesAnUploadTheModuleDidNotConfirm(string answer)
        {
            var rig = new QuectelRig().Up();
            AnswerUpload(rig, answer);
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes("ABC")));
                Assert.AreEqual("AT+QFDEL=\"UFS:ca.pem\"", rig.Link.Command(rig.Link.CommandCount - 1));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void RefusesNamesThatBreakTheCommand()
        {
            var rig = new QuectelRig().Up();
            try
            {
                Assert.ThrowsException(typeof(System.ArgumentException), () => rig.Modem.EnsureCaCertificate("c\"a", Utf8.GetBytes("ABC")));
                Assert.AreEqual(0, rig.Link.CommandCount);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void RefusesAMissingEmptyOrOversizedCaWithoutSendingAnything()
        {
            var rig = new QuectelRig().Up();
            try
            {
                Assert.ThrowsException(typeof(System.ArgumentNullException), () => rig.Modem.EnsureCaCertificate("ca.pem", null));
                Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => rig.Modem.EnsureCaCertificate("ca.pem", new byte[0]));
                Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => rig.Modem.EnsureCaCertificate("ca.pem", new byte[10241]));
                Assert.AreEqual(0, rig.Link.CommandCount);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void DeletesAnUploadTheModuleAnsweredWithoutItsSizeLine()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QFUPL=*", (l, c) =>
            {
                l.Inject("\r\nCONNECT\r\n");
                l.ExpectPayload(int.Parse(ThreeGppScript.Field(c, 1)), "\r\nOK\r\n");
            });
            try
            {
                ModemException caught = ModemFailures.Of(() => rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes("ABC")));
                Assert.IsNotNull(caught);
                Assert.Contains("no +QFUPL line", caught.Message);
                Assert.AreEqual("AT+QFDEL=\"UFS:ca.pem\"", rig.Link.Command(rig.Link.CommandCount - 1));
            }
            finally
            {
                rig.Stop();
            }
        }

        // The CA's upload answers <paramref name="answer"/>; a marker's (one byte, "1") its true size and checksum.
        private static void AnswerUpload(DriverRig rig, string answer)
        {
            rig.Link.On("AT+QFUPL=*", (l, c) =>
            {
                bool marker = ThreeGppScript.Field(c, 1) == "1";
                l.Inject("\r\nCONNECT\r\n");
                l.ExpectPayload(int.Parse(ThreeGppScript.Field(c, 1)), "\r\n" + (marker ? "+QFUPL: 1,3100" : answer) + "\r\n\r\nOK\r\n");
            });
        }
    }
}
