namespace CellularIot.Tests.Modem
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Modem;
    using CellularIot.Modem.Sim7080;
    using CellularIot.Tests.At;
    using nanoFramework.TestFramework;

    /// <summary>
    /// Sockets against what real SIM70x0 firmware does, every answer reaching the driver in seeded random splits:
    /// both +CARECV forms, short reads, at most 512 bytes a read, a missing OK after CASEND, SSL contexts bound
    /// per connection, and a peer close racing with announced data.
    /// </summary>
    [TestClass]
    public class Sim7080FieldSocketTests
    {
        private const string DataWaiting = "\r\n+CADATAIND: 1\r\n";

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void ReadsBothCarecvFormsAndShortReads(int seed)
        {
            Sim7080Settings settings = ModemRig.FastSettings();
            settings.ReceiveCommandTimeoutMs = 2000;
            var rig = new ModemRig(settings).Up();
            rig.Link.SplitReads(seed, 7);
            rig.Link.Once("AT+CARECV=1,512", "\r\n+CARECV: 1,5,hello\r\n\r\nOK\r\n");
            rig.Link.Once("AT+CARECV=1,512", "\r\n+CARECV: 3,a,b\r\n\r\nOK\r\n");
            rig.Link.Once("AT+CARECV=1,512", "\r\n+CARECV: 1,80,cut short\r\n\r\nOK\r\n");
            rig.Link.Once("AT+CARECV=1,512", "\r\n+CARECV: 1,1,!\r\n\r\nOK\r\n");
            try
            {
                ISecureSocket first = rig.Modem.OpenSecureSocket(new SecureSocketOptions("a.example", 443, "ca.pem"));
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("b.example", 443, "ca.pem"));
                Assert.AreEqual(1, socket.Id);
                byte[] buffer = new byte[2048];

                // Every read here comes back short of the request, so the module's next announcement starts the next.
                rig.Link.Inject(DataWaiting);
                Assert.AreEqual(5, socket.Receive(buffer, 0, 2048, 1000));
                Assert.AreEqual("hello", Utf8.Decode(buffer, 0, 5));
                rig.Link.Inject(DataWaiting);
                Assert.AreEqual(3, socket.Receive(buffer, 0, 2048, 1000));
                Assert.AreEqual("a,b", Utf8.Decode(buffer, 0, 3));
                rig.Link.Inject(DataWaiting);
                Assert.AreEqual(9, socket.Receive(buffer, 0, 2048, 3000));
                Assert.AreEqual("cut short", Utf8.Decode(buffer, 0, 9));
                rig.Link.Inject(DataWaiting);
                Assert.AreEqual(1, socket.Receive(buffer, 0, 2048, 1000));
                Assert.AreEqual("!", Utf8.Decode(buffer, 0, 1));
                Assert.AreEqual(4, rig.Link.Count("AT+CARECV=1,512"));
                Assert.IsFalse(socket.IsClosed);
                Assert.IsFalse(first.IsClosed);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow(4)]
        [DataRow(5)]
        public void SendsOnWhenTheOkAfterThePromptTransferIsMissing(int seed)
        {
            Sim7080Settings settings = ModemRig.FastSettings();
            settings.SendFinalQuietMs = 100;
            settings.SendTimeoutMs = 2000;
            var rig = new ModemRig(settings).Up();
            rig.Link.SplitReads(seed, 3);
            rig.Link.Once("AT+CASEND=0,5", (l, c) =>
            {
                l.Inject("\r\n> ");
                l.ExpectPayload(5, string.Empty);
            });
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                socket.Send(Utf8.GetBytes("first"), 0, 5);
                socket.Send(Utf8.GetBytes("second"), 0, 6);
                Assert.AreEqual(2, rig.Link.PayloadCount);
                Assert.AreEqual("second", Utf8.Decode(rig.Link.Payload(1), 0, 6));
                Assert.AreEqual(1, rig.Channel.MissingFinals);
                Assert.IsFalse(socket.IsClosed);
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void BindsEachConnectionToAContextOfItsOwnBelowSix()
        {
            var rig = new ModemRig().Up();
            try
            {
                for (int i = 0; i < 6; i++)
                {
                    var options = new SecureSocketOptions("h" + i + ".example", 443, "ca.pem");
                    Assert.AreEqual(i, rig.Modem.OpenSecureSocket(options).Id);
                    string id = i.ToString();
                    Assert.IsTrue(rig.Link.Saw(
                        "AT+CSSLCFG=\"sslversion\"," + id + ",3;+CSSLCFG=\"sni\"," + id + ",\"h" + id + ".example\";+CASSLCFG=" + id
                        + ",\"SSL\",1;+CASSLCFG=" + id + ",\"CRINDEX\"," + id + ";+CASSLCFG=" + id + ",\"CACERT\",\"ca.pem\""));
                }

                Assert.ThrowsException(typeof(ModemException), () => rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem")));
                Assert.AreEqual(0, rig.Link.CountStartingWith("AT+CSSLCFG=\"sslversion\",6"));

                Sim7080Settings tooMany = ModemRig.FastSettings();
                tooMany.SocketCount = 7;
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Sim7080Settings.Check(tooMany));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        public void KeepsFileInputTimeBelowTenSecondsAndReadsAtMost512()
        {
            Sim7080Settings settings = new Sim7080Settings();
            Assert.IsTrue(settings.FileInputTimeMs < 10000);
            Assert.AreEqual(512, settings.MaxReceiveChunk);
            settings.FileInputTimeMs = 10000;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Sim7080Settings.Check(settings));
            settings.FileInputTimeMs = 5000;
            settings.MaxReceiveChunk = 513;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Sim7080Settings.Check(settings));

            var rig = new ModemRig().Up();
            try
            {
                rig.Modem.EnsureCaCertificate("ca.pem", Utf8.GetBytes("-----BEGIN CERTIFICATE-----"));
                Assert.AreEqual(1, rig.Link.CountStartingWith("AT+CFSWFILE=3,\"ca.pem\",0,27,5000"));
            }
            finally
            {
                rig.Stop();
            }
        }

        [TestMethod]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(8)]
        public void ReadsWhatIsLeftAfterAPeerCloseAndReportsTheCloseOnce(int seed)
        {
            var rig = new ModemRig().Up();
            rig.Link.SplitReads(seed, 7);
            rig.Link.Once("AT+CARECV=0,64", "\r\n+CARECV: 4,last\r\n\r\nOK\r\n");
            rig.Link.Once("AT+CARECV=0,64", "\r\n+CARECV: 0,3,end\r\n\r\nOK\r\n");
            rig.Link.Once("AT+CARECV=0,64", "\r\nERROR\r\n");
            try
            {
                ISecureSocket socket = rig.Modem.OpenSecureSocket(new SecureSocketOptions("h", 443, "ca.pem"));
                int closedEvents = 0;
                socket.Closed += (sender, e) => closedEvents++;
                rig.Link.Inject("\r\n+CADATAIND: 0\r\n\r\n+CASTATE: 0,0\r\n");
                Assert.IsTrue(Eventually.True(() => socket.IsClosed, 2000));
                byte[] buffer = new byte[64];
                Assert.AreEqual(4, socket.Receive(buffer, 0, 64, 5000));
                Assert.AreEqual(3, socket.Receive(buffer, 0, 64, 5000));
                Assert.AreEqual("end", Utf8.Decode(buffer, 0, 3));
                var clock = new CellularIot.Tests.Support.RealClock();
                long started = clock.MonotonicMs;
                Assert.ThrowsException(typeof(SocketClosedException), () => socket.Receive(buffer, 0, 64, 5000));
                Assert.IsTrue(clock.MonotonicMs - started < 4000, "waited for data after the close");
                rig.Link.Inject("\r\n+CASTATE: 0,0\r\n");
                System.Threading.Thread.Sleep(100);
                Assert.AreEqual(1, closedEvents);
            }
            finally
            {
                rig.Stop();
            }
        }
    }
}
