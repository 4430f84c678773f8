namespace CellularIot.At
{
    using System;

    /// <summary>A command did not end with OK: it failed, timed out, or its answer was malformed.</summary>
    public class AtCommandException : Exception
    {
        /// <summary>Creates the error from the command's latest response.</summary>
        public AtCommandException(AtCommand command)
            : base(Describe(command))
        {
            CommandText = command.Text;
            Outcome = command.Response.Outcome;
            ErrorCode = command.Response.ErrorCode;
            ErrorText = command.Response.ErrorText;
        }

        /// <summary>The command that failed.</summary>
        public string CommandText { get; private set; }

        /// <summary>How it ended.</summary>
        public AtOutcome Outcome { get; private set; }

        /// <summary>The number of a numeric +CME/+CMS error, otherwise -1.</summary>
        public int ErrorCode { get; private set; }

        /// <summary>The modem's error text (<c>SIM not inserted</c>), or null.</summary>
        public string ErrorText { get; private set; }

        private static string Describe(AtCommand command)
        {
            if (command == null)
            {
                throw new ArgumentNullException(nameof(command));
            }

            AtResponse response = command.Response;
            switch (response.Outcome)
            {
                case AtOutcome.Timeout:
                    return command.Text + ": no answer within " + command.TimeoutMs + " ms";
                case AtOutcome.Malformed:
                    return command.Text + ": malformed answer";
                case AtOutcome.CmeError:
                    return command.Text + ": +CME ERROR: " + response.ErrorText;
                case AtOutcome.CmsError:
                    return command.Text + ": +CMS ERROR: " + response.ErrorText;
                default:
                    // ERROR, or a failure line the command named (SEND FAIL).
                    return command.Text + ": " + (response.ErrorText != null ? response.ErrorText : "ERROR");
            }
        }
    }
}
