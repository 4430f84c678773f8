namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Modem;
    using CellularIot.Modem.Quectel;
    using nanoFramework.TestFramework;

    [TestClass]
    public class QuectelSocketTests
    {
        [TestMethod]
        public void ConfiguresTheSslContextOnceThenOpens()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("a1b2.iot.eu-west-1.amazonaws.com", 443, "ca.pem"));
                Assert.AreEqual(0, socket.Id);
                string[] expected =
                {
                    "AT+QSSLCFG=\"sslversion\",0,3",
                    "AT+QSSLCFG=\"seclevel\",0,1",
                    "AT+QSSLCFG=\"cacert\",0,\"UFS:ca.pem\"",
                    "AT+QSSLCFG=\"sni\",0,1",
                    "AT+QSSLOPEN=1,0,0,\"a1b2.iot.eu-west-1.amazonaws.com\",443,0",
                };
                Assert.AreEqual(expected.Length, rig.Link.CommandCount);
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.AreEqual(expected[i], rig.Link.Command(i));
                }

                socket.Close();
                Assert.AreEqual("AT+QSSLCLOSE=0", rig.Link.Command(5));
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
        public void SetsAlpnWhereTheFirmwareHasIt()
        {
            var rig = new QuectelRig(QuectelRig.FastSettings(), true).Up();
            try
            {
                var options = new SecureSocketOptions("h", 443, "ca.pem");
                options.Alpn = "mqtt";
                rig.Modem.OpenSecureSocket(options);
                Assert.IsTrue(rig.Link.Saw("AT+QSSLCFG=\"alpn\",0,\"mqtt\""));
                Assert.IsTrue(rig.Link.Saw("AT+QSSLCFG=\"alpn\",0"));
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
        public void MapsOpenResultsAndFreesTheId(int result, string error)
        {
            var rig = new QuectelRig().Up();
            rig.Link.Once("AT+QSSLOPEN=*", "\r\nOK\r\n\r\n+QSSLOPEN: 0," + result + "\r\n");
            try
            {
                SocketOpenException caught = null;
                try
                {
                    rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                }
                catch (SocketOpenException ex)
                {
                    caught = ex;
                }

                Assert.IsNotNull(caught);
                Assert.AreEqual(error, ErrorName(caught.Error));
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
                l.ExpectPayload(int.Parse(Sim7080Script.Field(c, 1)), "\r\nSEND FAIL\r\n");
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
                Assert.IsTrue(ModemRig.WaitFor(() => socket.IsClosed, 2000));
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
        public void ReturnsNothingWhenNothingArrived()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.AreEqual(0, socket.Receive(new byte[16], 0, 16, 150));
                Assert.IsFalse(socket.IsClosed);
                Assert.IsTrue(rig.Link.Saw("AT+QSSLRECV=0,16"));
            }
            finally
            {
                rig.Stop();
            }
        }

        private static string ErrorName(SocketOpenError error)
        {
            switch (error)
            {
                case SocketOpenError.CannotResolveHost:
                    return "CannotResolveHost";
                case SocketOpenError.NetworkNotActive:
                    return "NetworkNotActive";
                case SocketOpenError.ConnectFailed:
                    return "ConnectFailed";
                case SocketOpenError.NoMemory:
                    return "NoMemory";
                case SocketOpenError.Other:
                    return "Other";
                default:
                    return "unexpected " + (int)error;
            }
        }
    }
}
