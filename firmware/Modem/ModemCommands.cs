namespace CellularIot.Modem
{
    using CellularIot.At;

    /// <summary>
    /// How a modem driver runs commands: fresh command objects with its ordinary timeout, OK-or-throw execution
    /// that turns an AT failure into a <see cref="ModemException"/>, and the AT probe.
    /// </summary>
    internal sealed class ModemCommands
    {
        /// <summary>Text room for commands that carry a host name, a file name or an APN.</summary>
        public const int LongCommand = 320;

        private readonly AtChannel channel;
        private readonly int commandTimeoutMs;
        private readonly int probeTimeoutMs;

        public ModemCommands(AtChannel channel, int commandTimeoutMs, int probeTimeoutMs)
        {
            this.channel = channel;
            this.commandTimeoutMs = commandTimeoutMs;
            this.probeTimeoutMs = probeTimeoutMs;
        }

        /// <summary>A command with exactly the given text and the ordinary timeout.</summary>
        public AtCommand Command(string text)
        {
            return new AtCommand(text).WithTimeout(commandTimeoutMs);
        }

        /// <summary>An empty command with room for <paramref name="capacity"/> bytes of text and the ordinary timeout.</summary>
        public AtCommand Command(int capacity)
        {
            return new AtCommand(capacity, AtCommand.DefaultResponseCapacity, AtCommand.DefaultMaxLines).WithTimeout(commandTimeoutMs);
        }

        /// <summary>Runs the command and returns its outcome.</summary>
        public AtOutcome Execute(AtCommand command)
        {
            return channel.Execute(command);
        }

        /// <summary>Runs the command and returns its response when it ended with OK.</summary>
        /// <exception cref="ModemException">It did not.</exception>
        public AtResponse Ok(AtCommand command)
        {
            if (channel.Execute(command) != AtOutcome.Ok)
            {
                throw Failure(command);
            }

            return command.Response;
        }

        /// <summary>Sends AT up to <paramref name="attempts"/> times with the short probe timeout; true at the first OK.</summary>
        public bool Probe(int attempts)
        {
            for (int i = 0; i < attempts; i++)
            {
                if (channel.Execute(Command("AT").WithTimeout(probeTimeoutMs)) == AtOutcome.Ok)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The modem error for a command that did not end with OK.</summary>
        public static ModemException Failure(AtCommand command)
        {
            var cause = new AtCommandException(command);
            return new ModemException(cause.Message, cause);
        }
    }
}
