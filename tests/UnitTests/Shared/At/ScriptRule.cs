namespace CellularIot.Tests.At
{
    /// <summary>One line of a scripted peer's script: a command (or a prefix ending in '*') and what to answer.</summary>
    public sealed class ScriptRule
    {
        private readonly string pattern;

        public ScriptRule(string pattern, string reply, CommandResponder responder, bool once)
        {
            this.pattern = pattern;
            Reply = reply;
            Responder = responder;
            Once = once;
        }

        public string Reply { get; private set; }

        public CommandResponder Responder { get; private set; }

        public bool Once { get; private set; }

        public bool Used { get; set; }

        public bool Matches(string command)
        {
            if (pattern.Length > 0 && pattern[pattern.Length - 1] == '*')
            {
                return command.StartsWith(pattern.Substring(0, pattern.Length - 1));
            }

            return command == pattern;
        }
    }
}
