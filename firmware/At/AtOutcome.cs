namespace CellularIot.At
{
    /// <summary>How a command ended, or what kind of final result a line is.</summary>
    public enum AtOutcome
    {
        /// <summary>Not finished yet; for a line, not a final result.</summary>
        None = 0,

        /// <summary>The modem answered <c>OK</c> (or the command's own success line).</summary>
        Ok = 1,

        /// <summary>A plain <c>ERROR</c>.</summary>
        Error = 2,

        /// <summary><c>+CME ERROR: &lt;n or text&gt;</c>, an equipment or network error.</summary>
        CmeError = 3,

        /// <summary><c>+CMS ERROR: &lt;n or text&gt;</c>, a message service error.</summary>
        CmsError = 4,

        /// <summary>No final result arrived within the command's own timeout.</summary>
        Timeout = 5,

        /// <summary>The modem said OK but the answer broke the command's limits or shape (too many lines, a raw length beyond the buffer).</summary>
        Malformed = 6,
    }
}
