namespace CellularIot.Tests.App
{
    using CellularIot.App.Config;
    using CellularIot.Bytes;
    using CellularIot.Cloud.Session;
    using CellularIot.Modem;
    using nanoFramework.TestFramework;

    [TestClass]
    public class DeviceSettingsParserTests
    {
        [TestMethod]
        public void ReadsEveryKey()
        {
            string file = "# comment\r\nboard=generic-esp32-sim7080g\r\napn=iot.1nce.net\r\nradio=both\r\npublishIntervalSeconds=60\r\n"
                + "batchSize=4\r\nqos=0\r\ntransport=https-post\r\nbaudRate=921600\r\nonboardingHost=device.connectivity-suite.cloud\r\n"
                + "telemetryTopic=sensors/env\r\nmodemRxPin=26\r\nmodemTxPin=27\r\npowerKeyPin=25\r\npersistBacklog=true\r\ncleanSession=true\r\npostIdleSeconds=20\r\n";

            DeviceSettings settings = DeviceSettingsParser.Parse(Utf8.GetBytes(file));

            Assert.AreEqual("generic-esp32-sim7080g", settings.Board);
            Assert.AreEqual((int)RadioMode.Both, (int)settings.Radio);
            Assert.AreEqual(60, settings.PublishIntervalSeconds);
            Assert.AreEqual(4, settings.BatchSize);
            Assert.AreEqual(0, settings.Qos);
            Assert.AreEqual((int)TransportChoice.HttpsPost, (int)settings.Transport);
            Assert.AreEqual(20, settings.PostIdleSeconds);
            Assert.AreEqual(921600, settings.BaudRate);
            Assert.AreEqual("sensors/env", settings.TelemetryTopic);
            Assert.IsTrue(settings.PersistBacklog);
            Assert.IsTrue(settings.CleanSession);
            BoardPreset board = settings.ResolveBoard();
            Assert.AreEqual(26, board.ModemRxPin);
            Assert.AreEqual(27, board.ModemTxPin);
            Assert.AreEqual(25, board.PowerKeyPin);
        }

        [TestMethod]
        public void KeysLeftOutKeepTheOneNceDefaults()
        {
            DeviceSettings settings = DeviceSettingsParser.Parse(Utf8.GetBytes("qos=1\n"));

            Assert.AreEqual("iot.1nce.net", settings.Apn);
            Assert.AreEqual((int)RadioMode.CatM, (int)settings.Radio);
            Assert.AreEqual(300, settings.PublishIntervalSeconds);
            Assert.AreEqual((int)TransportChoice.Auto, (int)settings.Transport);
            Assert.AreEqual("device.connectivity-suite.cloud", settings.OnboardingHost);
            Assert.IsFalse(settings.CleanSession, "the broker keeps the session unless told otherwise");
            BoardPreset board = settings.ResolveBoard();
            Assert.AreEqual(4, board.ModemRxPin);
            Assert.AreEqual(5, board.ModemTxPin);
            Assert.AreEqual(41, board.PowerKeyPin);
            Assert.IsTrue(board.ModemPoweredByAxp2101);
        }

        [TestMethod]
        [DataRow("color=blue", "line 2: unknown key 'color'")]
        [DataRow("radio=lte", "line 2: radio must be catm, nbiot or both, not 'lte'")]
        [DataRow("qos=2", "line 2: qos must be a whole number from 0 to 1, not '2'")]
        [DataRow("publishIntervalSeconds=ten", "line 2: publishIntervalSeconds must be a whole number")]
        [DataRow("transport=mqtt", "line 2: transport must be auto, mqtt-tls, mqtt-websocket or https-post")]
        [DataRow("postIdleSeconds=0", "line 2: postIdleSeconds must be a whole number from 1 to 3600")]
        [DataRow("baudRate=100000", "line 2: baudRate must be one of")]
        [DataRow("telemetryTopic=/x", "line 2: telemetryTopic must not start or end with '/'")]
        [DataRow("telemetryTopic=a/#", "line 2: telemetryTopic must not start or end with '/' nor hold the wildcards")]
        [DataRow("apn=", "line 2: apn must hold 1 to 100 characters")]
        [DataRow("just words", "line 2: expected key=value")]
        [DataRow("qos=1\nqos=0", "line 3: 'qos' is set twice")]
        [DataRow("persistBacklog=yes", "line 2: persistBacklog must be true or false, not 'yes'")]
        [DataRow("modem=bg77", "line 2: modem must be sim7080, bg95, bg96 or auto, not 'bg77'")]
        [DataRow("apn=iot.\"1nce\".net", "line 2: apn must be printable ASCII without")]
        [DataRow("apn=iot.1nce.n\u00E9t", "line 2: apn must be printable ASCII without")]
        [DataRow("onboardingHost=device connectivity", "line 2: onboardingHost must be a host name")]
        [DataRow("onboardingHost=device.\"x\"", "line 2: onboardingHost must be a host name")]
        [DataRow("telemetryTopic=a/b/c/d/e/f/g/h", "line 2: telemetryTopic: topic rule broken")]
        [DataRow("qos=1\napn=iot\u0001x", "line 3: holds control character 1")]
        public void NamesTheLineOfABadValue(string lines, string expected)
        {
            try
            {
                DeviceSettingsParser.Parse(Utf8.GetBytes("# settings\n" + lines + "\n"));
            }
            catch (SettingsException ex)
            {
                Assert.StartsWith("device.conf: " + expected, ex.Message);
                return;
            }

            Assert.IsTrue(false, "no error for " + lines);
        }

        [TestMethod]
        [DataRow("", "lilygo-t-sim7080g-s3", 1)]
        [DataRow("", "generic-esp32-bg95", 2)]
        [DataRow("modem=bg96\n", "generic-esp32-bg95", 3)]
        [DataRow("modem=auto\n", "lilygo-t-sim7080g-s3", 4)]
        [DataRow("modem=sim7080\n", "generic-esp32-bg95", 1)]
        public void TakesTheBoardsModemUnlessTheFileNamesOne(string modemLine, string board, int expected)
        {
            DeviceSettings settings = DeviceSettingsParser.Parse(Utf8.GetBytes(modemLine + "board=" + board + "\n"));
            Assert.AreEqual(expected, (int)settings.ResolveModem());
        }

        [TestMethod]
        public void RefusesAnUnknownBoardAndSharedPins()
        {
            Assert.ThrowsException(typeof(SettingsException), () => DeviceSettingsParser.Parse(Utf8.GetBytes("board=arduino")));
            Assert.ThrowsException(typeof(SettingsException), () => DeviceSettingsParser.Parse(Utf8.GetBytes("modemRxPin=5")));
        }

        [TestMethod]
        public void RefusesBytesThatAreNotText()
        {
            Assert.ThrowsException(typeof(SettingsException), () => DeviceSettingsParser.Parse(new byte[] { 0x71, 0x6F, 0xFF, 0x3D, 0x31 }));
            Assert.ThrowsException(typeof(SettingsException), () => DeviceSettingsParser.Parse(new byte[DeviceSettingsParser.MaxFileBytes + 1]));
        }

        [TestMethod]
        public void ReadsTheShippedLilyGoConfiguration()
        {
            string shipped = "board=lilygo-t-sim7080g-s3\napn=iot.1nce.net\nradio=catm\npublishIntervalSeconds=300\nbatchSize=1\nqos=1\n"
                + "transport=auto\nbaudRate=115200\nonboardingHost=device.connectivity-suite.cloud\ntelemetryTopic=telemetry\n";

            DeviceSettings settings = DeviceSettingsParser.Parse(Utf8.GetBytes(shipped));

            Assert.AreEqual("telemetry", settings.TelemetryTopic);
            Assert.AreEqual(1, settings.BatchSize);
        }

        [TestMethod]
        public void ATopicTooLongForTheBrokerIsFoundWhenTheFileIsRead()
        {
            // 100 euro signs are 300 bytes of UTF-8: within the 128-character limit, past the broker's 256 bytes.
            string topic = new string('\u20AC', 100);
            Assert.ThrowsException(typeof(SettingsException), () => DeviceSettingsParser.Parse(Utf8.GetBytes("telemetryTopic=" + topic + "\n")));
        }

        [TestMethod]
        public void AZeroByteIsFoundOnItsLineBeforeTheTextIsDecoded()
        {
            byte[] file = Utf8.GetBytes("qos=1\ntelemetryTopic=a?b\n");
            file[22] = 0;
            try
            {
                DeviceSettingsParser.Parse(file);
            }
            catch (SettingsException ex)
            {
                Assert.Contains("line 2: holds control character 0", ex.Message);
                return;
            }

            Assert.IsTrue(false, "no error for a zero byte");
        }

        [TestMethod]
        [DataRow("tlsVerify=false")]
        [DataRow("verifyServer=false")]
        [DataRow("insecure=true")]
        [DataRow("caCertificate=none")]
        public void NoSettingTurnsServerVerificationOff(string line)
        {
            // Both servers are always verified against the root CA: the file has no key that could say otherwise.
            try
            {
                DeviceSettingsParser.Parse(Utf8.GetBytes(line + "\n"));
            }
            catch (SettingsException ex)
            {
                Assert.Contains("unknown", ex.Message);
                return;
            }

            Assert.IsTrue(false, "accepted " + line);
        }
    }
}
