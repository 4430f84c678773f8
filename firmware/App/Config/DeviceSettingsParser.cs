namespace CellularIot.App.Config
{
    using CellularIot.Bytes;
    using CellularIot.Cloud.Session;
    using CellularIot.Cloud.Topics;
    using CellularIot.Modem;

    /// <summary>
    /// Reads device.conf: UTF-8 text, one <c>key=value</c> a line, <c>#</c> starting a comment line. Keys
    /// left out keep their defaults; an unknown or repeated key, or a value out of range, is an error naming
    /// its line, so a typo never silently becomes a default on a device in the field.
    /// </summary>
    public static class DeviceSettingsParser
    {
        /// <summary>Longest configuration file accepted.</summary>
        public const int MaxFileBytes = 4096;

        // The longest ICCID (20 digits), for checking the telemetry topic before the SIM's own is known.
        private const string LongestIccid = "89882280666123456789";

        private static readonly string[] Keys = new string[]
        {
            "board", "apn", "radio", "publishIntervalSeconds", "batchSize", "qos", "transport", "baudRate",
            "onboardingHost", "telemetryTopic", "modemRxPin", "modemTxPin", "powerKeyPin", "persistBacklog", "modem",
            "cleanSession", "postIdleSeconds",
        };

        /// <summary>Parses and validates the file's bytes.</summary>
        /// <exception cref="SettingsException">The file is too long, not UTF-8, or holds a bad line.</exception>
        public static DeviceSettings Parse(byte[] file)
        {
            if (file.Length > MaxFileBytes)
            {
                throw new SettingsException("file longer than " + MaxFileBytes + " bytes");
            }

            // Checked on the bytes: a control character (U+0000 above all, which a nanoFramework string cannot
            // even hold) would otherwise reach an AT command or a topic. Tab, CR and LF are layout.
            int lineOfByte = 0;
            for (int i = 0; i < file.Length; i++)
            {
                byte b = file[i];
                if (b == '\n')
                {
                    lineOfByte++;
                }
                else if ((b < 0x20 && b != '\t' && b != '\r') || b == 0x7F)
                {
                    throw Error(lineOfByte, "holds control character " + b + "; values are printable text");
                }
            }

            string text;
            try
            {
                text = Utf8.Decode(file);
            }
            catch (Utf8Exception ex)
            {
                throw new SettingsException("not UTF-8 text (" + ex.Message + ")");
            }

            var settings = new DeviceSettings();
            bool[] seen = new bool[Keys.Length];
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                int equals = line.IndexOf('=');
                if (equals <= 0)
                {
                    throw Error(i, "expected key=value, found '" + line + "'");
                }

                string key = line.Substring(0, equals).Trim();
                string value = line.Substring(equals + 1).Trim();
                int index = IndexOfKey(key);
                if (index < 0)
                {
                    throw Error(i, "unknown key '" + key + "'");
                }

                if (seen[index])
                {
                    throw Error(i, "'" + key + "' is set twice");
                }

                seen[index] = true;
                Apply(settings, key, value, i);
            }

            settings.Validate();
            return settings;
        }

        private static void Apply(DeviceSettings settings, string key, string value, int line)
        {
            switch (key)
            {
                case "board":
                    settings.Board = value;
                    break;
                case "apn":
                    settings.Apn = AtQuotable(Text(value, 100, line, key), line, key);
                    break;
                case "radio":
                    settings.Radio = Radio(value, line);
                    break;
                case "modem":
                    settings.Modem = Modem(value, line);
                    break;
                case "publishIntervalSeconds":
                    settings.PublishIntervalSeconds = Number(value, 1, 86400, line, key);
                    break;
                case "batchSize":
                    settings.BatchSize = Number(value, 1, 100, line, key);
                    break;
                case "qos":
                    settings.Qos = Number(value, 0, 1, line, key);
                    break;
                case "transport":
                    settings.Transport = Transport(value, line);
                    break;
                case "baudRate":
                    settings.BaudRate = BaudRate(value, line);
                    break;
                case "onboardingHost":
                    settings.OnboardingHost = HostName(Text(value, 253, line, key), line, key);
                    break;
                case "telemetryTopic":
                    settings.TelemetryTopic = Topic(value, line);
                    break;
                case "modemRxPin":
                    settings.ModemRxPin = Number(value, 0, 48, line, key);
                    break;
                case "modemTxPin":
                    settings.ModemTxPin = Number(value, 0, 48, line, key);
                    break;
                case "persistBacklog":
                    settings.PersistBacklog = Flag(value, line, key);
                    break;
                case "postIdleSeconds":
                    settings.PostIdleSeconds = Number(value, 1, 3600, line, key);
                    break;
                case "cleanSession":
                    settings.CleanSession = Flag(value, line, key);
                    break;
                case "powerKeyPin":
                    settings.PowerKeyPin = Number(value, 0, 48, line, key);
                    break;
            }
        }

        private static RadioMode Radio(string value, int line)
        {
            switch (value)
            {
                case "catm":
                    return RadioMode.CatM;
                case "nbiot":
                    return RadioMode.NbIot;
                case "both":
                    return RadioMode.Both;
                default:
                    throw Error(line, "radio must be catm, nbiot or both, not '" + value + "'");
            }
        }

        private static ModemChoice Modem(string value, int line)
        {
            switch (value)
            {
                case "sim7080":
                    return ModemChoice.Sim7080;
                case "bg95":
                    return ModemChoice.Bg95;
                case "bg96":
                    return ModemChoice.Bg96;
                case "auto":
                    return ModemChoice.Auto;
                default:
                    throw Error(line, "modem must be sim7080, bg95, bg96 or auto, not '" + value + "'");
            }
        }

        private static TransportChoice Transport(string value, int line)
        {
            switch (value)
            {
                case "auto":
                    return TransportChoice.Auto;
                case "mqtt-tls":
                    return TransportChoice.MqttTls;
                case "mqtt-websocket":
                    return TransportChoice.MqttWebSocket;
                case "https-post":
                    return TransportChoice.HttpsPost;
                default:
                    throw Error(line, "transport must be auto, mqtt-tls, mqtt-websocket or https-post, not '" + value + "'");
            }
        }

        private static int BaudRate(string value, int line)
        {
            int baud = Number(value, 9600, 921600, line, "baudRate");
            int[] allowed = new int[] { 9600, 19200, 38400, 57600, 115200, 230400, 921600 };
            foreach (int rate in allowed)
            {
                if (rate == baud)
                {
                    return baud;
                }
            }

            throw Error(line, "baudRate must be one of 9600, 19200, 38400, 57600, 115200, 230400, 921600");
        }

        private static bool Flag(string value, int line, string key)
        {
            if (value == "true")
            {
                return true;
            }

            if (value == "false")
            {
                return false;
            }

            throw Error(line, key + " must be true or false, not '" + value + "'");
        }

        private static string Topic(string value, int line)
        {
            string topic = Text(value, 128, line, "telemetryTopic");
            if (topic[0] == '/' || topic[topic.Length - 1] == '/' || topic.Contains("+") || topic.Contains("#"))
            {
                throw Error(line, "telemetryTopic must not start or end with '/' nor hold the wildcards + or #");
            }

            // The device publishes to <ICCID>/<topic>. Checked here against the longest ICCID, so a topic the
            // broker's rules refuse is found when the file is read, not each time the device goes online.
            try
            {
                new TopicRules(LongestIccid).CheckTopic(LongestIccid + "/" + topic);
            }
            catch (TopicRuleException ex)
            {
                throw Error(line, "telemetryTopic: " + ex.Message);
            }

            return topic;
        }

        // The APN goes into AT commands between double quotes: printable ASCII without a quote.
        private static string AtQuotable(string value, int line, string key)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < ' ' || c > '~' || c == '"')
                {
                    throw Error(line, key + " must be printable ASCII without '\"' (character " + (int)c + " at index " + i + ")");
                }
            }

            return value;
        }

        // A DNS name: letters, digits, '-' and '.', as the modem's socket open and the TLS SNI take it.
        private static string HostName(string value, int line, string key)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
                if (!allowed)
                {
                    throw Error(line, key + " must be a host name of letters, digits, '-' and '.' (character " + (int)c + " at index " + i + ")");
                }
            }

            return value;
        }

        private static string Text(string value, int maxLength, int line, string key)
        {
            if (value.Length == 0 || value.Length > maxLength)
            {
                throw Error(line, key + " must hold 1 to " + maxLength + " characters");
            }

            return value;
        }

        private static int Number(string value, int min, int max, int line, string key)
        {
            byte[] digits = Utf8.GetBytes(value);
            int number;
            if (!AsciiInt.TryParse(digits, 0, digits.Length, out number) || number < min || number > max)
            {
                throw Error(line, key + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
            }

            return number;
        }

        private static int IndexOfKey(string key)
        {
            for (int i = 0; i < Keys.Length; i++)
            {
                if (Keys[i] == key)
                {
                    return i;
                }
            }

            return -1;
        }

        private static SettingsException Error(int lineIndex, string message)
        {
            return new SettingsException("line " + (lineIndex + 1) + ": " + message);
        }
    }
}
