namespace CellularIot.Tests.At
{
    using CellularIot.At;
    using CellularIot.Bytes;
    using CellularIot.Tests.Support;
    using nanoFramework.TestFramework;

    /// <summary>
    /// Field-module answers that only a running channel can resolve, because they depend on the line going quiet:
    /// a raw block delivered shorter than announced, and an OK left out after a prompt transfer. The modem's bytes
    /// reach the reader in seeded random splits.
    /// </summary>
    [TestClass]
    public class FieldChannelTests
    {
        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void EndsABlockShorterThanAnnouncedAtItsOkAndStaysInStep(int seed)
        {
            var link = new ScriptedLink();
            link.SplitReads(seed, 7);
            link.Once("AT+CARECV=0,64", "\r\n+CARECV: 60,short data\r\nOK\r\n\r\n+CADATAIND: 0\r\n");
            link.On("AT+CARECV=0,64", "\r\n+CARECV: 5,hello\r\n\r\nOK\r\n");
            AtChannel channel = Start(link);
            int indications = 0;
            channel.Register("+CADATAIND: ", line => indications++);
            try
            {
                byte[] buffer = new byte[64];
                AtCommand read = new AtCommand(32, 64, 2).Begin("AT+CARECV=0,64").Expect("+CARECV: ", 0)
                    .WithRawRead(AtRawRead.Inline, buffer, 0, 64).WithInlineRawId(0).WithTimeout(3000);
                Assert.AreEqual((int)AtOutcome.Ok, (int)channel.Execute(read));
                Assert.AreEqual(10, read.Response.RawCount);
                Assert.AreEqual("short data", Utf8.Decode(buffer, 0, 10));
                Assert.AreEqual(1, channel.ShortBlocks);

                Assert.AreEqual((int)AtOutcome.Ok, (int)channel.Execute(read));
                Assert.AreEqual("hello", Utf8.Decode(buffer, 0, read.Response.RawCount));
                Assert.IsTrue(Eventually.True(() => indications == 1, 2000));
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        [DataRow(6)]
        [DataRow(7)]
        public void EndsABlockThatSwallowedItsOwnOk(int seed)
        {
            // Announced six bytes too many: the block ends exactly after the answer's OK, and no final result follows.
            var link = new ScriptedLink();
            link.SplitReads(seed, 5);
            link.On("AT+CARECV=0,64", "\r\n+CARECV: 11,abcde\r\nOK\r\n");
            AtChannel channel = Start(link);
            try
            {
                byte[] buffer = new byte[64];
                AtCommand read = new AtCommand(32, 64, 2).Begin("AT+CARECV=0,64").Expect("+CARECV: ", 0)
                    .WithRawRead(AtRawRead.Inline, buffer, 0, 64).WithInlineRawId(0).WithTimeout(3000);
                Assert.AreEqual((int)AtOutcome.Ok, (int)channel.Execute(read));
                Assert.AreEqual("abcde", Utf8.Decode(buffer, 0, read.Response.RawCount));
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        [DataRow(4)]
        [DataRow(5)]
        public void TakesAQuietLineAfterThePayloadAsTheMissingOk(int seed)
        {
            var link = new ScriptedLink();
            link.SplitReads(seed, 3);
            link.On("AT+CASEND=0,5", (l, c) =>
            {
                l.Inject("\r\n> ");
                l.ExpectPayload(5, string.Empty);
            });
            link.On("AT+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
            AtChannel channel = Start(link);
            try
            {
                byte[] payload = Utf8.GetBytes("hello");
                AtCommand send = new AtCommand(32, 0, 0).Begin("AT+CASEND=0,5").ExpectNoLines()
                    .WithPayload(AtPrompt.Angle, payload, 0, 5).AcceptMissingFinal(150).WithTimeout(3000);
                Assert.AreEqual((int)AtOutcome.Ok, (int)channel.Execute(send));
                Assert.IsTrue(send.Response.FinalMissing);
                Assert.AreEqual(1, channel.MissingFinals);
                Assert.AreEqual("hello", Utf8.Decode(link.Payload(0), 0, 5));

                AtCommand csq = new AtCommand("AT+CSQ").Expect("+CSQ: ", 1);
                Assert.AreEqual((int)AtOutcome.Ok, (int)channel.Execute(csq));
                Assert.AreEqual(1, csq.Response.LineCount);
            }
            finally
            {
                channel.Stop();
            }
        }

        [TestMethod]
        public void WaitsForTheOkOfACommandThatDoesNotAcceptItMissing()
        {
            var link = new ScriptedLink();
            link.On("AT+CASEND=0,2", (l, c) =>
            {
                l.Inject("\r\n> ");
                l.ExpectPayload(2, string.Empty);
            });
            AtChannel channel = Start(link);
            try
            {
                AtCommand send = new AtCommand(32, 0, 0).Begin("AT+CASEND=0,2").ExpectNoLines()
                    .WithPayload(AtPrompt.Angle, Utf8.GetBytes("hi"), 0, 2).WithTimeout(600);
                Assert.AreEqual((int)AtOutcome.Timeout, (int)channel.Execute(send));
                Assert.AreEqual(0, channel.MissingFinals);
            }
            finally
            {
                channel.Stop();
            }
        }

        private static AtChannel Start(ScriptedLink link)
        {
            var settings = new AtChannelSettings();
            settings.PollMs = 10;
            settings.GuardTimeMs = 0;
            settings.ShortBlockQuietMs = 100;
            var channel = new AtChannel(link, new RealClock(), new RecordingLog(), settings);
            channel.Start();
            return channel;
        }
    }
}
