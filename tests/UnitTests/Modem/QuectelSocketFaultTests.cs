namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Modem;
    using CellularIot.Modem.Quectel;
    using CellularIot.Tests.At;
    using nanoFramework.TestFramework;

    [TestClass]
    public class QuectelSocketFaultTests
    {
        [TestMethod]
        public void RefusesMissingOptionsAndPortsOutOfRangeWithoutSendingAnything()
        {
            var rig = new QuectelRig().Up();
            try
            {
                Assert.ThrowsException(typeof(ArgumentNullException), () => rig.Modem.OpenSecureSocket(null));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 0, "ca.pem")));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 65536, "ca.pem")));
                Assert.AreEqual(0, rig.Link.CommandCount);
                Assert.AreEqual(0, rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 65535, "ca.pem")).Id);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void RefusesAnAlpnTheContextDoesNotTakeAndFreesTheId()
        {
            // ALPN was confirmed at the bring-up; the socket's own protocol goes on its settings line, which the module refuses.
            var rig = new QuectelRig(QuectelRig.FastSettings(), true).Up();
            rig.Link.Once(QuectelScript.SslSettings + ";+QSSLCFG=\"alpn\",0,\"mqtt\"", "\r\n+CME ERROR: invalid parameters\r\n");
            try
            {
                var options = new SecureSocketOptions("h", 443, "ca.pem");
                options.Alpn = "mqtt";
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.OpenSecureSocket(options));
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+QSSLOPEN"));

                // The id is free again, and the context's settings, ALPN among them, are all written again.
                rig.Link.ClearHistory();
                Assert.AreEqual(0, rig.Modem.OpenSecureSocket(options).Id);
                Assert.AreEqual(QuectelScript.SslSettings + ";+QSSLCFG=\"alpn\",0,\"mqtt\"", rig.Link.Command(0));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void FreesTheIdOfAnOpenWhoseResultNeverCame()
        {
            var rig = new QuectelRig().Up();
            rig.Link.Once("AT+QSSLOPEN=*", "\r\nOK\r\n");
            try
            {
                SocketOpenException caught = OpenFailures.Of(rig.Modem, new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.AreEqual((int)SocketOpenError.Timeout, (int)caught.Error);
                Assert.IsTrue(rig.Link.Saw("AT+QSSLCLOSE=0"));
                Assert.AreEqual(0, rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem")).Id);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow("\r\nERROR\r\n")]
        [DataRow("\r\n+CME ERROR: 552\r\n")]
        [DataRow("\r\nOK\r\n\r\n+QSSLOPEN: 0,busy\r\n")]
        public void ReportsAnOpenCommandThatFailedOrGaveNoResultCode(string answer)
        {
            var rig = new QuectelRig().Up();
            rig.Link.Once("AT+QSSLOPEN=*", answer);
            try
            {
                SocketOpenException caught = OpenFailures.Of(rig.Modem, new SecureSocketOptions("h", 443, "ca.pem"));
                Assert.AreEqual((int)SocketOpenError.CommandFailed, (int)caught.Error);
                Assert.IsTrue(rig.Link.Saw("AT+QSSLCLOSE=0"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void RefusesASocketBeyondTheLastId()
        {
            QuectelSettings settings = QuectelRig.FastSettings();
            settings.SocketCount = 1;
            var rig = new QuectelRig(settings, false).Up();
            try
            {
                ISecureSocket first = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                rig.Link.ClearHistory();
                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem")));
                Assert.AreEqual(0, rig.Link.CommandCount);
                first.Close();
                Assert.AreEqual(0, rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem")).Id);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void RefusesBuffersAndRangesOutsideTheArray()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                rig.Link.ClearHistory();
                byte[] buffer = new byte[8];
                Assert.ThrowsException(typeof(ArgumentNullException), () => socket.Send(null, 0, 0));
                Assert.ThrowsException(typeof(ArgumentNullException), () => socket.Receive(null, 0, 0, 100));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => socket.Send(buffer, -1, 1));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => socket.Send(buffer, 0, -1));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => socket.Receive(buffer, 4, 5, 100));
                Assert.AreEqual(0, rig.Link.CommandCount);
                Assert.IsFalse(socket.IsClosed);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void AsksNothingForAnEmptyReadAndReadsOnceWithoutATimeout()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                rig.Link.ClearHistory();
                Assert.AreEqual(0, socket.Receive(new byte[8], 8, 0, 1000));
                Assert.AreEqual(0, rig.Link.CommandCount);

                // Nothing announced: a read without a timeout asks nothing either.
                Assert.AreEqual(0, socket.Receive(new byte[8], 0, 8, 0));
                Assert.AreEqual(0, rig.Link.CommandCount);

                // Announced data is read once, even without a timeout, and an empty answer is not asked again.
                AnnounceData(rig);
                Assert.AreEqual(0, socket.Receive(new byte[8], 0, 8, 0));
                Assert.AreEqual(1, rig.Link.CommandCount);
                Assert.AreEqual(1, rig.Link.CountStartingWith("AT+QSSLRECV=0,8"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ClosesAfterAFailedReadOfAnOpenSocket()
        {
            var rig = new QuectelRig().Up();
            rig.Link.On("AT+QSSLRECV=*", "\r\n+CME ERROR: 550\r\n");
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                AnnounceData(rig);
                SocketClosedException caught = ReceiveFailure(socket);
                Assert.IsNotNull(caught);
                Assert.Contains("receive failed", caught.Message);
                Assert.IsTrue(socket.IsClosed);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ReportsThePeersCloseWhenTheLastReadOfAClosedSocketFails()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                rig.Link.Inject("\r\n+QSSLURC: \"closed\",0\r\n");
                Assert.IsTrue(Eventually.True(() => socket.IsClosed, 2000));
                rig.Link.On("AT+QSSLRECV=*", "\r\nERROR\r\n");
                SocketClosedException caught = ReceiveFailure(socket);
                Assert.IsNotNull(caught);
                Assert.Contains("closed by the peer", caught.Message);
                Assert.IsTrue(rig.Link.Saw("AT+QSSLRECV=0,8"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void RaisesClosedOnceForThePeersCloseAndNotAgainOnTheLocalOne()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                int closes = 0;
                socket.Closed += (sender, e) => closes++;
                rig.Link.Inject("\r\n+QSSLURC: \"closed\",0\r\n");
                Assert.IsTrue(Eventually.True(() => closes == 1, 2000));
                socket.Close();
                socket.Close();
                Assert.AreEqual(1, closes);
                Assert.AreEqual(1, rig.Link.Count("AT+QSSLCLOSE=0"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void ClosesLocallyWithoutACommandOnceTheChannelStopped()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                rig.Channel.Stop();
                rig.Link.ClearHistory();
                socket.Close();
                Assert.IsTrue(socket.IsClosed);
                Assert.AreEqual(0, rig.Link.CommandCount);
                Assert.AreEqual("closed locally", ((ModemSocket)socket).CloseReason);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void IgnoresSocketUrcsOfOtherKindsAndUnknownIds()
        {
            var rig = new QuectelRig().Up();
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                rig.InjectAndWait("\r\n+QSSLURC: \"closed\",x\r\n\r\n+QSSLURC: \"closed\",9\r\n\r\n+QSSLURC: \"closed\",-1\r\n"
                    + "\r\n+QSSLURC: \"other\",0\r\n\r\n+QSSLURC: \"closed\",1\r\n");
                Assert.IsFalse(socket.IsClosed);
                socket.Send(Utf8.GetBytes("ok"), 0, 2);
            }
            finally
            {
                rig.Stop();
            }
        }

        // The module announces data on socket 0 (+QSSLURC "recv"); returns once the driver has seen it.
        private static void AnnounceData(DriverRig rig)
        {
            rig.InjectAndWait("\r\n+QSSLURC: \"recv\",0\r\n");
        }

        private static SocketClosedException ReceiveFailure(ISecureSocket socket)
        {
            try
            {
                socket.Receive(new byte[8], 0, 8, 200);
            }
            catch (SocketClosedException ex)
            {
                return ex;
            }

            return null;
        }
    }
}
