namespace CellularIot.Modem
{
    using CellularIot.At;

    /// <summary>
    /// Several commands on one command line (V.250 and the modules' AT manuals: "AT" once at the start, extended
    /// commands separated by semicolons), so that settings that go together cost one exchange with the module. The
    /// module runs them in order and stops at the first that fails; the line's answer is OK only when all succeeded.
    /// </summary>
    internal sealed class SettingsLine
    {
        private readonly AtCommand command;
        private int count;

        /// <summary>A line written into <paramref name="command"/> (its text replaced by "AT").</summary>
        public SettingsLine(AtCommand command)
        {
            this.command = command.Begin("AT");
        }

        /// <summary>How many commands the line holds.</summary>
        public int Count
        {
            get { return count; }
        }

        /// <summary>The command line, to execute once every command is added.</summary>
        public AtCommand Command
        {
            get { return command; }
        }

        /// <summary>Starts the next command with <paramref name="text"/> (an extended command, "+..."); its parameters are appended to the result.</summary>
        public AtCommand Add(string text)
        {
            if (count > 0)
            {
                command.Append(";");
            }

            count++;
            return command.Append(text);
        }
    }
}
