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

        /// <summary>
        /// AT+CPIN?: the SIM's state; a missing SIM is told from other failures, and a SIM still being read from
        /// one that failed. The last +CPIN line counts: an unsolicited <c>+CPIN: NOT READY</c> may come before the answer.
        /// </summary>
        public SimState ReadSimState()
        {
            AtCommand command = commands.Command("AT+CPIN?").Expect("+CPIN: ", 0);
            AtOutcome outcome = commands.Execute(command);
            AtResponse response = command.Response;
            if (outcome == AtOutcome.Ok && response.LineCount > 0)
            {
                string state = response.GetField(response.LineCount - 1, 0);
                if (state == "READY")
                {
                    return SimState.Ready;
                }

                if (state == "SIM PIN")
                {
                    return SimState.PinRequired;
                }

                if (state == "SIM PUK")
                {
                    return SimState.PukRequired;
                }

                if (state == "NOT READY")
                {
                    return SimState.NotReady;
                }

                return state == "NOT INSERTED" ? SimState.NotInserted : SimState.Unknown;
            }

            if (outcome == AtOutcome.CmeError)
            {
                return SimStateOfError(response);
            }

            throw ModemCommands.Failure(command);
        }

        /// <summary>
        /// The SIM state a <c>+CME ERROR</c> names (3GPP TS 27.007 codes 10..15 or their texts), or
        /// <see cref="SimState.Unknown"/> for an error that is not about the SIM.
        /// </summary>
        public static SimState SimStateOfError(AtResponse response)
        {
            int code = response.ErrorCode;
            string text = response.ErrorText;
            if (code == 14 || text == "SIM busy" || text == "SIM not ready")
            {
                return SimState.NotReady;
            }

            if (code == 10 || text == "SIM not inserted")
            {
                return SimState.NotInserted;
            }

            if (code == 11 || text == "SIM PIN required")
            {
                return SimState.PinRequired;
            }

            if (code == 12 || text == "SIM PUK required")
            {
                return SimState.PukRequired;
            }

            return code == 13 || code == 15 || text == "SIM failure" || text == "SIM wrong" ? SimState.Failed : SimState.Unknown;
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

        /// <summary>
        /// Runs a command answered by one line without a prefix (ICCID, AT+CGSN, AT+CGMR), recognised by its
        /// <paramref name="shape"/>; the command is returned whatever its outcome (see <see cref="BareLineOf"/>).
        /// </summary>
        public AtCommand QueryBareLine(string text, AtBareShape shape)
        {
            AtCommand command = commands.Command(text).ExpectBare(shape);
            commands.Execute(command);
            return command;
        }

        /// <summary>The bare answer of <paramref name="text"/>, recognised by its <paramref name="shape"/>.</summary>
        /// <exception cref="ModemException">The command failed or gave no line of that shape.</exception>
        public string ReadBareLine(string text, AtBareShape shape)
        {
            return BareLineOf(QueryBareLine(text, shape));
        }

        /// <summary>The bare answer line of a command that ended with OK.</summary>
        /// <exception cref="ModemException">It failed, or no line of the expected shape came.</exception>
        public static string BareLineOf(AtCommand command)
        {
            AtResponse response = command.Response;
            if (response.Outcome != AtOutcome.Ok)
            {
                throw ModemCommands.Failure(command);
            }

            if (response.LineCount == 0)
            {
                throw new ModemException(command.Text + " gave no answer line of the expected shape");
            }

            return response.GetLine(0).Trim();
        }

        /// <summary>Why a SIM in <paramref name="sim"/> cannot be used, in words.</summary>
        public static string Describe(SimState sim)
        {
            if (sim == SimState.NotInserted)
            {
                return "SIM not inserted";
            }

            if (sim == SimState.PinRequired)
            {
                return "the SIM asks for its PIN";
            }

            if (sim == SimState.PukRequired)
            {
                return "the SIM is blocked (PUK required)";
            }

            if (sim == SimState.Failed)
            {
                return "SIM failure";
            }

            return sim == SimState.NotReady ? "the SIM is still not ready" : "unknown SIM state";
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
