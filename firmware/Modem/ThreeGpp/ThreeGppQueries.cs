namespace CellularIot.Modem.ThreeGpp
{
    using System;
    using CellularIot.At;

    /// <summary>
    /// The 3GPP TS 27.007 queries every cellular modem answers the same way (SIM state, registration, signal,
    /// clock, the bare identity answers), so that a modem port holds only its vendor commands and quirks.
    /// </summary>
    internal sealed class ThreeGppQueries
    {
        private readonly ModemCommands commands;

        public ThreeGppQueries(ModemCommands commands)
        {
            this.commands = commands;
        }

        /// <summary>AT+CPIN?: the SIM's state; a missing SIM is told from other failures.</summary>
        public SimState ReadSimState()
        {
            AtCommand command = commands.Command("AT+CPIN?").Expect("+CPIN: ", 0);
            AtOutcome outcome = commands.Execute(command);
            AtResponse response = command.Response;
            if (outcome == AtOutcome.Ok && response.LineCount > 0)
            {
                string state = response.GetField(0, 0);
                if (state == "READY")
                {
                    return SimState.Ready;
                }

                if (state == "SIM PIN")
                {
                    return SimState.PinRequired;
                }

                return state == "SIM PUK" ? SimState.PukRequired : SimState.Unknown;
            }

            if (outcome == AtOutcome.CmeError)
            {
                // 10 is "SIM not inserted" in the numeric form (AT+CMEE=1).
                bool missing = response.ErrorCode == 10 || response.ErrorText == "SIM not inserted";
                return missing ? SimState.NotInserted : SimState.Failed;
            }

            throw ModemCommands.Failure(command);
        }

        /// <summary>AT+CEREG?: the EPS registration state.</summary>
        public RegistrationState ReadRegistration()
        {
            // "+CEREG: <n>,<stat>" (one comma at least); the URC "+CEREG: <stat>" has none and is not the answer.
            AtResponse response = commands.Ok(commands.Command("AT+CEREG?").Expect("+CEREG: ", 1));
            int status;
            if (response.LineCount == 0 || !response.TryGetInt(0, 1, out status))
            {
                return RegistrationState.Unknown;
            }

            return Registration.FromStatus(status);
        }

        /// <summary>AT+CSQ: signal strength and bit error rate.</summary>
        public SignalQuality ReadSignalQuality()
        {
            AtResponse response = commands.Ok(commands.Command("AT+CSQ").Expect("+CSQ: ", 1));
            int rssi;
            int ber;
            if (response.LineCount == 0 || !response.TryGetInt(0, 0, out rssi) || !response.TryGetInt(0, 1, out ber))
            {
                throw new ModemException("unreadable AT+CSQ answer");
            }

            return new SignalQuality(rssi, ber);
        }

        /// <summary>AT+CCLK?: the modem's clock, as UTC.</summary>
        public DateTime ReadNetworkTimeUtc()
        {
            AtResponse response = commands.Ok(commands.Command("AT+CCLK?").Expect("+CCLK: ", 0));
            DateTime utc;
            string text = response.LineCount == 0 ? null : response.GetField(0, 0);
            if (!NetworkTime.TryParseCclk(text, out utc))
            {
                throw new ModemException("unreadable AT+CCLK answer: " + text);
            }

            return utc;
        }

        /// <summary>The one line of a command answered without a prefix (ICCID, AT+CGSN, AT+CGMR).</summary>
        public string ReadBareLine(string text)
        {
            AtResponse response = commands.Ok(commands.Command(text).ExpectBare());
            if (response.LineCount == 0)
            {
                throw new ModemException(text + " gave no answer line");
            }

            return response.GetLine(0).Trim();
        }

        /// <summary>Why a SIM in <paramref name="sim"/> cannot be used, in words.</summary>
        public static string Describe(SimState sim)
        {
            switch (sim)
            {
                case SimState.NotInserted:
                    return "SIM not inserted";
                case SimState.PinRequired:
                    return "the SIM asks for its PIN";
                case SimState.PukRequired:
                    return "the SIM is blocked (PUK required)";
                case SimState.Failed:
                    return "SIM failure";
                default:
                    return "unknown SIM state";
            }
        }

        /// <summary>Whether <paramref name="text"/> is <paramref name="minLength"/> to <paramref name="maxLength"/> decimal digits (an ICCID, an IMEI).</summary>
        public static bool IsDigits(string text, int minLength, int maxLength)
        {
            if (text == null || text.Length < minLength || text.Length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
