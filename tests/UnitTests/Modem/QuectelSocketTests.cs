namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Modem;
    using CellularIot.Modem.Quectel;
    using CellularIot.Tests.At;
    using nanoFramework.TestFramework;

    [TestClass]
    public class QuectelSocketTests
    {
        [TestMethod]
        public void ConfiguresTheSslContextOnceOnOneLineThenOpens()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("a1b2.iot.eu-west-1.amazonaws.com", 443, "ca.pem"));
                Assert.AreEqual(0, socket.Id);
                string[] expected =
                {
                    QuectelScript.SslSettings,
                    "AT+QSSLOPEN=1,0,0,\"a1b2.iot.eu-west-1.amazonaws.com\",443,0",
                };
                rig.AssertCommands(expected);

                socket.Close();
                Assert.AreEqual("AT+QSSLCLOSE=0", rig.Link.Command(2));
                rig.Link.ClearHistory();
                Assert.AreEqual(0, rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem")).Id);
                Assert.AreEqual(1, rig.Link.CommandCount);
                Assert.AreEqual("AT+QSSLOPEN=1,0,0,\"h\",443,0", rig.Link.Command(0));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void WritesOnlyTheSettingThatChanged()
        {
            var rig = new QuectelRig().Up();
            try
            {
                rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem")).Close();
                rig.Link.ClearHistory();
                rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "other.pem"));
                Assert.AreEqual("AT+QSSLCFG=\"cacert\",0,\"UFS:other.pem\"", rig.Link.Command(0));
                Assert.AreEqual(2, rig.Link.CommandCount);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void WritesTheSettingsAgainAfterTheLineFailed()
        {
            var rig = new QuectelRig().Up();
            rig.Link.Once("AT+QSSLCFG=*", "\r\n+CME ERROR: incorrect parameters\r\n");
            try
            {
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem")));
                rig.Link.ClearHistory();
                rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.AreEqual(QuectelScript.SslSettings, rig.Link.Command(0));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void SetsAlpnWhereTheFirmwareHasIt()
        {
            var rig = new QuectelRig(QuectelRig.FastSettings(), true).Up();
            try
            {
                // The bring-up confirmed ALPN on context 0 with the probe protocol; the socket's own goes on its settings line.
                var options = new SecureSocketOptions("h", 443, "ca.pem");
                options.Alpn = "mqtt";
                rig.Modem.OpenSecureSocket(options);
                Assert.AreEqual(
                    QuectelScript.SslSettings + ";+QSSLCFG=\"alpn\",0,\"mqtt\"",
                    rig.Link.Command(0));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void GivesASocketWithoutItsOwnAlpnTheProbeProtocolBack()
        {
            var rig = new QuectelRig(QuectelRig.FastSettings(), true).Up();
            try
            {
                var mqtt = new SecureSocketOptions("h", 443, "ca.pem");
                mqtt.Alpn = "mqtt";
                rig.Modem.OpenSecureSocket(mqtt).Close();

                // Context 0 still offers mqtt: a socket without ALPN of its own has it set back to HTTP/1.1, and only that.
                rig.Link.ClearHistory();
                rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem")).Close();
                Assert.AreEqual("AT+QSSLCFG=\"alpn\",0,\"http/1.1\"", rig.Link.Command(0));

                // The context holds it now: the next such socket writes nothing.
                rig.Link.ClearHistory();
                rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+QSSLCFG"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void RefusesAlpnAndAnotherServerNameWithoutSendingAnything()
        {
            var rig = new QuectelRig().Up();
            try
            {
                var alpn = new SecureSocketOptions("h", 443, "ca.pem");
                alpn.Alpn = "mqtt";
                Assert.ThrowsException(typeof(NotSupportedException), () => rig.Modem.OpenSecureSocket(alpn));
                var sni = new SecureSocketOptions("h", 443, "ca.pem");
                sni.ServerName = "other";
                Assert.ThrowsException(typeof(NotSupportedException), () => rig.Modem.OpenSecureSocket(sni));
                Assert.AreEqual(0, rig.Link.CommandCount);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow(565, "CannotResolveHost")]
        [DataRow(561, "NetworkNotActive")]
        [DataRow(-1, "ConnectFailed")]
        [DataRow(566, "ConnectFailed")]
        [DataRow(553, "NoMemory")]
        [DataRow(599, "Other")]
        [DataRow(552, "ParameterInvalid")]
        [DataRow(554, "SocketError")]
        [DataRow(555, "NotSupported")]
        [DataRow(563, "ConnectionLimit")]
        [DataRow(569, "ConnectFailed")]
        [DataRow(570, "NetworkNotActive")]
        [DataRow(573, "NetworkNotActive")]
        public void MapsOpenResultsAndFreesTheId(int result, string error)
        {
            var rig = new QuectelRig().Up();
            rig.Link.Once("AT+QSSLOPEN=*", "\r\nOK\r\n\r\n+QSSLOPEN: 0," + result + "\r\n");
            try
            {
                SocketOpenException caught = OpenFailures.Of(rig.Modem, new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.AreEqual((int)OpenFailures.Named(error), (int)caught.Error);
                Assert.AreEqual(result, caught.ResultCode);
                Assert.IsTrue(rig.Link.Saw("AT+QSSLCLOSE=0"));
                Assert.AreEqual(0, rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem")).Id);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void SendsInPromptedChunksUntilSendOk()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                rig.Link.ClearHistory();
                byte[] data = new byte[2000];
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = (byte)(i * 3);
                }

                socket.Send(data, 0, data.Length);
                Assert.AreEqual("AT+QSSLSEND=0,1460", rig.Link.Command(0));
                Assert.AreEqual("AT+QSSLSEND=0,540", rig.Link.Command(1));
                Assert.AreEqual(1460, rig.Link.Payload(0).Length);
                Assert.AreEqual(data[1460], rig.Link.Payload(1)[0]);
                Assert.IsFalse(socket.IsClosed);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ClosesOnSendFail()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QSSLSEND=*", (l, c) =>
            {
                l.Inject("\r\n> ");
                l.ExpectPayload(int.Parse(ThreeGppScript.Field(c, 1)), "\r\nSEND FAIL\r\n");
            });
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.ThrowsException(typeof(SocketClosedException), () => socket.Send(Utf8.GetBytes("hello"), 0, 5));
                Assert.IsTrue(socket.IsClosed);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReadsWhatTheRecvUrcAnnouncesThenTheClose()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                rig.Link.Once("AT+QSSLRECV=0,*", "\r\n+QSSLRECV: 5\r\nhe\r\no\r\n\r\nOK\r\n");
                rig.Link.Inject("\r\n+QSSLURC: \"recv\",0\r\n\r\n+QSSLURC: \"closed\",0\r\n");
                byte[] buffer = new byte[64];
                int read = socket.Receive(buffer, 0, buffer.Length, 2000);
                Assert.AreEqual(5, read);
                Assert.AreEqual("he\r\no", Utf8.Decode(buffer, 0, 5));
                Assert.IsTrue(Eventually.True(() => socket.IsClosed, 2000));
                Assert.ThrowsException(typeof(SocketClosedException), () => socket.Receive(buffer, 0, buffer.Length, 100));
                socket.Close();
                Assert.IsTrue(rig.Link.Saw("AT+QSSLCLOSE=0"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AnIdleSocketSendsNoCommand()
        {
            var rig = new QuectelRig().Up();
            try
            {
                SocketReadChecks.AnIdleSocketSendsNoCommand(rig, "AT+QSSLRECV");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReadsOnlyOnceTheModemAnnouncesData()
        {
            var rig = new QuectelRig().Up();
            rig.Link.Once("AT+QSSLRECV=0,16", "\r\n+QSSLRECV: 4\r\ndata\r\n\r\nOK\r\n");
            try
            {
                SocketReadChecks.ReadsOnlyOnceTheModemAnnouncesData(rig, "AT+QSSLRECV=0,16", "\r\n+QSSLURC: \"recv\",0\r\n");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReadsAgainUnannouncedAfterAReadThatFilledTheRequest()
        {
            var rig = new QuectelRig().Up();
            rig.Link.Once("AT+QSSLRECV=0,4", "\r\n+QSSLRECV: 4\r\nabcd\r\n\r\nOK\r\n");
            rig.Link.Once("AT+QSSLRECV=0,4", "\r\n+QSSLRECV: 2\r\nef\r\n\r\nOK\r\n");
            try
            {
                SocketReadChecks.ReadsAgainUnannouncedAfterAReadThatFilledTheRequest(rig, "AT+QSSLRECV=0,4", "\r\n+QSSLURC: \"recv\",0\r\n");
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
