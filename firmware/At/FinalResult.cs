namespace CellularIot.At
{
    using CellularIot.Bytes;

    /// <summary>
    /// Recognises the lines that end a command (<c>OK</c>, <c>ERROR</c>, <c>+CME ERROR: …</c>,
    /// <c>+CMS ERROR: …</c>) and reads their code and text. Works on bytes in place and never throws on
    /// what a modem sends: any other line is simply not a final result.
    /// </summary>
    public static class FinalResult
    {
        private const string CmePrefix = "+CME ERROR:";
        private const string CmsPrefix = "+CMS ERROR:";

        /// <summary>The kind of final result the line is, or <see cref="AtOutcome.None"/>.</summary>
        public static AtOutcome Classify(byte[] line, int offset, int count)
        {
            count = TrimmedCount(line, offset, count);
            if (AtText.IsExactly(line, offset, count, "OK"))
            {
                return AtOutcome.Ok;
            }

            if (AtText.IsExactly(line, offset, count, "ERROR"))
            {
                return AtOutcome.Error;
            }

            if (AtText.StartsWith(line, offset, count, CmePrefix))
            {
                return AtOutcome.CmeError;
            }

            if (AtText.StartsWith(line, offset, count, CmsPrefix))
            {
                return AtOutcome.CmsError;
            }

            return AtOutcome.None;
        }

        /// <summary>
        /// The numeric code of a <c>+CME ERROR: &lt;n&gt;</c> or <c>+CMS ERROR: &lt;n&gt;</c> line (AT+CMEE=1);
        /// false for the verbose form, for plain ERROR and for anything else.
        /// </summary>
        public static bool TryGetCode(byte[] line, int offset, int count, out int code)
        {
            int start;
            int length;
            code = 0;
            return Detail(line, offset, count, out start, out length) && AsciiInt.TryParse(line, start, length, out code);
        }

        /// <summary>
        /// The text after <c>ERROR:</c> (<c>SIM not inserted</c>, or the digits of the numeric form), or the
        /// whole line for <c>OK</c> and <c>ERROR</c>; null when the line is not a final result.
        /// </summary>
        public static string GetText(byte[] line, int offset, int count)
        {
            AtOutcome kind = Classify(line, offset, count);
            if (kind == AtOutcome.None)
            {
                return null;
            }

            int start;
            int length;
            if (!Detail(line, offset, count, out start, out length))
            {
                return AtText.ToPrintable(line, offset, TrimmedCount(line, offset, count));
            }

            return AtText.ToPrintable(line, start, length);
        }

        // Locates the trimmed detail after "+CME ERROR:" / "+CMS ERROR:".
        private static bool Detail(byte[] line, int offset, int count, out int start, out int length)
        {
            start = 0;
            length = 0;
            AtOutcome kind = Classify(line, offset, count);
            if (kind != AtOutcome.CmeError && kind != AtOutcome.CmsError)
            {
                return false;
            }

            int end = offset + TrimmedCount(line, offset, count);
            int at = offset + CmePrefix.Length;
            while (at < end && line[at] == (byte)' ')
            {
                at++;
            }

            start = at;
            length = end - at;
            return true;
        }

        // Some firmware pads final results with spaces; they carry no meaning.
        private static int TrimmedCount(byte[] line, int offset, int count)
        {
            while (count > 0 && line[offset + count - 1] == (byte)' ')
            {
                count--;
            }

            return count;
        }
    }
}
