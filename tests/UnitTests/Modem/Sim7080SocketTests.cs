namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Modem;
    using CellularIot.Tests.At;
    using nanoFramework.TestFramework;

    [TestClass]
    public class Sim7080SocketTests
    {
        [TestMethod]
        public void ConfiguresTlsThenOpens()
        {
            var rig = new ModemRig().Up();
            try
            {
                var options = new SecureSocketOptions("a1b2.iot.eu-west-1.amazonaws.com", 443, "ca.pem");
                options.ServerName = "sni.example.com";
                ISecureSocket socket = rig.Modem.OpenSecureSocket(options);
                Assert.AreEqual(0, socket.Id);
                Assert.IsFalse(socket.IsClosed);
                string[] expected =
                {
                    "AT+CSSLCFG=\"sslversion\",0,3;+CSSLCFG=\"sni\",0,\"sni.example.com\";+CASSLCFG=0,\"SSL\",1;+CASSLCFG=0,\"CRINDEX\",0;+CASSLCFG=0,\"CACERT\",\"ca.pem\"",
                    "AT+CAOPEN=0,0,\"TCP\",\"a1b2.iot.eu-west-1.amazonaws.com\",443",
                };
                rig.AssertCommands(expected);

                ISecureSocket second = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.AreEqual(1, second.Id);
                Assert.IsTrue(rig.Link.Saw("AT+CSSLCFG=\"sslversion\",1,3;+CSSLCFG=\"sni\",1,\"h\";+CASSLCFG=1,\"SSL\",1;+CASSLCFG=1,\"CRINDEX\",1;+CASSLCFG=1,\"CACERT\",\"ca.pem\""));

                // Another host on an id whose other settings the module holds: only its SNI is written.
                second.Close();
                rig.Link.ClearHistory();
                rig.Modem.OpenSecureSocket(new SecureSocketOptions("g", 443, "ca.pem"));
                Assert.AreEqual("AT+CSSLCFG=\"sni\",1,\"g\"", rig.Link.Command(0));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow(24, "CertificateTimeExpired", true, true)]
        [DataRow(25, "CertificateNameMismatch", false, true)]
        [DataRow(26, "CertificateTimeAndName", true, true)]
        [DataRow(27, "ConnectFailed", false, false)]
        [DataRow(23, "RemoteRefused", false, false)]
        [DataRow(21, "NetworkNotActive", false, false)]
        [DataRow(20, "CannotResolveHost", false, false)]
        [DataRow(1, "SocketError", false, false)]
        [DataRow(2, "NoMemory", false, false)]
        [DataRow(3, "ConnectionLimit", false, false)]
        [DataRow(4, "ParameterInvalid", false, false)]
        [DataRow(6, "InvalidAddress", false, false)]
        [DataRow(7, "NotSupported", false, false)]
        [DataRow(99, "Other", false, false)]
        public void MapsOpenResultsToTypedErrors(int result, string error, bool clock, bool certificate)
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CAOPEN=*", "\r\nOK\r\n\r\n+CAOPEN: 0," + result + "\r\n");
            try
            {
                SocketOpenException caught = OpenFailures.Of(rig.Modem, new SecureSocketOptions("example.com", 443, "ca.pem"));
                Assert.AreEqual((int)OpenFailures.Named(error), (int)caught.Error);
                Assert.AreEqual(result, caught.ResultCode);
                Assert.AreEqual(clock, caught.IsClockProblem);
                Assert.AreEqual(certificate, caught.IsCertificateProblem);
                if (clock)
                {
                    Assert.Contains("clock", caught.Message);
                }

                rig.Link.On("AT+CAOPEN=*", "\r\nOK\r\n\r\n+CAOPEN: 0,0\r\n");
                Assert.AreEqual(0, rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem")).Id);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void NamesTheCertificateChainAsACauseOfResult27()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CAOPEN=*", "\r\nOK\r\n\r\n+CAOPEN: 0,27\r\n");
            try
            {
                SocketOpenException caught = OpenFailures.Of(rig.Modem, new SecureSocketOptions("example.com", 443, "ca.pem"));
                Assert.AreEqual((int)SocketOpenError.ConnectFailed, (int)caught.Error);
                Assert.IsFalse(caught.IsCertificateProblem);
                Assert.Contains("certificate chain", caught.Message);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReportsAFailedOrSilentOpen()
        {
            var rig = new ModemRig().Up();
            try
            {
                rig.Link.On("AT+CAOPEN=*", "\r\n+CME ERROR: operation not allowed\r\n");
                Assert.AreEqual((int)SocketOpenError.CommandFailed, (int)OpenFailures.Of(rig.Modem, new SecureSocketOptions("example.com", 443, "ca.pem")).Error);
                rig.Link.On("AT+CAOPEN=*", "\r\nOK\r\n");
                Assert.AreEqual((int)SocketOpenError.Timeout, (int)OpenFailures.Of(rig.Modem, new SecureSocketOptions("example.com", 443, "ca.pem")).Error);
                Assert.IsTrue(rig.Link.Saw("AT+CACLOSE=0"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void SendsInPromptedChunksOfAtMost1460()
        {
            var rig = new ModemRig().Up();
            try
            {
                ISecureSocket socket = Open(rig);
                byte[] data = new byte[3000];
                for (int i = 0; i < data.Length; i++)
                {
                    data[i] = (byte)(i * 7);
                }

                socket.Send(data, 0, data.Length);
                Assert.AreEqual("AT+CASEND=0,1460", rig.Link.Command(0));
                Assert.AreEqual("AT+CASEND=0,1460", rig.Link.Command(1));
                Assert.AreEqual("AT+CASEND=0,80", rig.Link.Command(2));
                Assert.AreEqual(3, rig.Link.PayloadCount);
                int at = 0;
                for (int p = 0; p < 3; p++)
                {
                    byte[] piece = rig.Link.Payload(p);
                    for (int i = 0; i < piece.Length; i++)
                    {
                        Assert.AreEqual(data[at++], piece[i]);
                    }
                }

                Assert.AreEqual(data.Length, at);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AcceptsTheLateSendResultVariant()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CASEND=*", (l, c) =>
            {
                l.Inject("\r\n> ");
                l.ExpectPayload(int.Parse(ThreeGppScript.Field(c, 1)), "\r\nOK\r\n\r\n+CASEND: 0,0," + ThreeGppScript.Field(c, 1) + "\r\n");
            });
            try
            {
                ISecureSocket socket = Open(rig);
                socket.Send(Utf8.GetBytes("hello"), 0, 5);
                socket.Send(Utf8.GetBytes("again"), 0, 5);
                Assert.IsFalse(socket.IsClosed);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ClosesWhenTheLateSendResultIsAFailure()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CASEND=*", (l, c) =>
            {
                l.Inject("\r\n> ");
                l.ExpectPayload(int.Parse(ThreeGppScript.Field(c, 1)), "\r\nOK\r\n\r\n+CASEND: 0,1,0\r\n");
            });
            try
            {
                ISecureSocket socket = Open(rig);
                socket.Send(Utf8.GetBytes("hello"), 0, 5);
                Assert.IsTrue(Eventually.True(() => socket.IsClosed, 2000));
                Assert.ThrowsException(typeof(SocketClosedException), () => socket.Send(Utf8.GetBytes("x"), 0, 1));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ClosesWhenASendIsRefused()
        {
            var rig = new ModemRig().Up();
            rig.Link.On("AT+CASEND=*", "\r\nERROR\r\n");
            try
            {
                ISecureSocket socket = Open(rig);
                Assert.ThrowsException(typeof(SocketClosedException), () => socket.Send(Utf8.GetBytes("x"), 0, 1));
                Assert.IsTrue(socket.IsClosed);
                Assert.AreEqual(0, rig.Link.PayloadCount);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReceivesDataWithLineEndsInside()
        {
            var rig = new ModemRig().Up();
            rig.Link.Once("AT+CARECV=0,64", "\r\n+CARECV: 9,ab\r\nOK\r\nz\r\nOK\r\n");
            try
            {
                ISecureSocket socket = Open(rig);
                Announce(rig);
                byte[] buffer = new byte[64];
                Assert.AreEqual(9, socket.Receive(buffer, 0, 64, 1000));
                Assert.AreEqual("ab\r\nOK\r\nz", Utf8.Decode(buffer, 0, 9));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AsksForNoMoreThan512AtATime()
        {
            var rig = new ModemRig().Up();
            rig.Link.Once("AT+CARECV=0,512", "\r\n+CARECV: 3,abc\r\n\r\nOK\r\n");
            try
            {
                ISecureSocket socket = Open(rig);
                Announce(rig);
                byte[] buffer = new byte[4000];
                Assert.AreEqual(3, socket.Receive(buffer, 100, 3900, 1000));
                Assert.AreEqual("abc", Utf8.Decode(buffer, 100, 3));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReadsOnlyOnceTheModemAnnouncesData()
        {
            var rig = new ModemRig().Up();
            rig.Link.Once("AT+CARECV=0,16", "\r\n+CARECV: 4,data\r\n\r\nOK\r\n");
            try
            {
                SocketReadChecks.ReadsOnlyOnceTheModemAnnouncesData(rig, "AT+CARECV=0,16", "\r\n+CADATAIND: 0\r\n");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReadsAgainUnannouncedAfterAReadThatFilledTheRequest()
        {
            var rig = new ModemRig().Up();
            rig.Link.Once("AT+CARECV=0,4", "\r\n+CARECV: 4,abcd\r\n\r\nOK\r\n");
            rig.Link.Once("AT+CARECV=0,4", "\r\n+CARECV: 2,ef\r\n\r\nOK\r\n");
            try
            {
                SocketReadChecks.ReadsAgainUnannouncedAfterAReadThatFilledTheRequest(rig, "AT+CARECV=0,4", "\r\n+CADATAIND: 0\r\n");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AnIdleSocketSendsNoCommand()
        {
            var rig = new ModemRig().Up();
            try
            {
                SocketReadChecks.AnIdleSocketSendsNoCommand(rig, "AT+CARECV");
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReadsWhatArrivedBeforeThePeerClosedThenReportsTheClose()
        {
            var rig = new ModemRig().Up();
            rig.Link.Once("AT+CARECV=0,16", "\r\n+CARECV: 5,hello\r\n\r\nOK\r\n\r\n+CADATAIND: 0\r\n\r\n+CASTATE: 0,0\r\n");
            rig.Link.Once("AT+CARECV=0,16", "\r\n+CARECV: 3,bye\r\n\r\nOK\r\n");
            try
            {
                ISecureSocket socket = Open(rig);
                Announce(rig);
                int closedEvents = 0;
                socket.Closed += (sender, e) => closedEvents++;
                byte[] buffer = new byte[16];
                Assert.AreEqual(5, socket.Receive(buffer, 0, 16, 1000));
                Assert.IsTrue(Eventually.True(() => socket.IsClosed, 2000));
                Assert.AreEqual(3, socket.Receive(buffer, 0, 16, 1000));
                Assert.AreEqual("bye", Utf8.Decode(buffer, 0, 3));
                Assert.ThrowsException(typeof(SocketClosedException), () => socket.Receive(buffer, 0, 16, 1000));
                Assert.IsTrue(Eventually.True(() => closedEvents > 0, 2000));
                Assert.AreEqual(1, closedEvents);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReportsACloseByThePeer()
        {
            var rig = new ModemRig().Up();
            try
            {
                ISecureSocket socket = Open(rig);
                ISecureSocket other = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                object sender = null;
                socket.Closed += (s, e) => sender = s;
                rig.Link.Inject("\r\n+CASTATE: 0,0\r\n");
                Assert.IsTrue(Eventually.True(() => sender != null, 2000));
                Assert.AreSame(socket, sender);
                Assert.IsTrue(socket.IsClosed);
                Assert.IsFalse(other.IsClosed);
                Assert.ThrowsException(typeof(SocketClosedException), () => socket.Send(new byte[1], 0, 1));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ClosesOnceAndFreesItsId()
        {
            var rig = new ModemRig().Up();
            try
            {
                ISecureSocket socket = Open(rig);
                socket.Close();
                socket.Close();
                Assert.AreEqual(1, rig.Link.Count("AT+CACLOSE=0"));
                Assert.IsTrue(socket.IsClosed);
                Assert.ThrowsException(typeof(SocketClosedException), () => socket.Receive(new byte[4], 0, 4, 10));
                Assert.AreEqual(0, Open(rig).Id);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void RefusesOptionsThatBreakTheCommand()
        {
            var rig = new ModemRig().Up();
            try
            {
                Assert.ThrowsException(typeof(ArgumentException), () => rig.Modem.OpenSecureSocket(new SecureSocketOptions("h\",1\r\nAT+CPOWD=1", 443, "ca.pem")));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 0, "ca.pem")));
                Assert.AreEqual(0, rig.Link.CommandCount);
            }
            finally
            {
                rig.Stop();
            }
        }

        private static ISecureSocket Open(DriverRig rig)
        {
            ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("example.com", 443, "ca.pem"));
            rig.Link.ClearHistory();
            return socket;
        }

        // The module's news that data waits for socket 0 (the socket reads only after it).
        private static void Announce(DriverRig rig)
        {
            rig.Link.Inject("\r\n+CADATAIND: 0\r\n");
        }
    }
}
