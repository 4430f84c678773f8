namespace CellularIot.At
{
    using CellularIot.Bytes;

    /// <summary>
    /// Reads the comma-separated fields of an AT line in place. For <c>+NAME: a,"b,c",d</c> the fields are
    /// <c>a</c>, <c>"b,c"</c> and <c>d</c> (commas inside quotes do not split); a line without a leading
    /// <c>+NAME:</c> is fields from its first byte. Nothing here allocates except <see cref="GetString"/>.
    /// </summary>
    public static class AtFields
    {
        private const byte Quote = (byte)'"';
        private const byte Comma = (byte)',';
        private const byte Space = (byte)' ';

        /// <summary>Index of the first payload byte: after <c>+NAME:</c> and one space, or the line start.</summary>
        public static int PayloadStart(byte[] line, int offset, int count)
        {
            if (count == 0 || line[offset] != (byte)'+')
            {
                return offset;
            }

            int end = offset + count;
            for (int at = offset + 1; at < end; at++)
            {
                if (line[at] == (byte)':')
                {
                    at++;
                    if (at < end && line[at] == Space)
                    {
                        at++;
                    }

                    return at;
                }
            }

            return offset;
        }

        /// <summary>Commas outside quotes in the payload: one less than the field count of a non-empty payload.</summary>
        public static int CountCommas(byte[] line, int offset, int count)
        {
            int end = offset + count;
            bool quoted = false;
            int commas = 0;
            for (int at = PayloadStart(line, offset, count); at < end; at++)
            {
                byte b = line[at];
                if (b == Quote)
                {
                    quoted = !quoted;
                }
                else if (b == Comma && !quoted)
                {
                    commas++;
                }
            }

            return commas;
        }

        /// <summary>Number of fields in the payload; 0 when the payload is empty.</summary>
        public static int Count(byte[] line, int offset, int count)
        {
            int start = PayloadStart(line, offset, count);
            return start == offset + count ? 0 : CountCommas(line, offset, count) + 1;
        }

        /// <summary>Finds field <paramref name="index"/> (0-based) with surrounding spaces trimmed and quotes kept.</summary>
        public static bool TryFind(byte[] line, int offset, int count, int index, out int start, out int length)
        {
            start = 0;
            length = 0;
            if (index < 0)
            {
                return false;
            }

            int end = offset + count;
            int at = PayloadStart(line, offset, count);
            if (at == end)
            {
                return false;
            }

            int field = 0;
            int fieldStart = at;
            bool quoted = false;
            for (; at <= end; at++)
            {
                bool boundary = at == end || (line[at] == Comma && !quoted);
                if (!boundary)
                {
                    if (line[at] == Quote)
                    {
                        quoted = !quoted;
                    }

                    continue;
                }

                if (field == index)
                {
                    int first = fieldStart;
                    int last = at;
                    while (first < last && line[first] == Space)
                    {
                        first++;
                    }

                    while (last > first && line[last - 1] == Space)
                    {
                        last--;
                    }

                    start = first;
                    length = last - first;
                    return true;
                }

                field++;
                fieldStart = at + 1;
            }

            return false;
        }

        /// <summary>Parses field <paramref name="index"/> as a decimal integer; false when it is missing or not a number.</summary>
        public static bool TryGetInt(byte[] line, int offset, int count, int index, out int value)
        {
            int start;
            int length;
            value = 0;
            return TryFind(line, offset, count, index, out start, out length) && AsciiInt.TryParse(line, start, length, out value);
        }

        /// <summary>Field <paramref name="index"/> as text without its surrounding quotes, or null when it is missing.</summary>
        public static string GetString(byte[] line, int offset, int count, int index)
        {
            int start;
            int length;
            if (!TryFind(line, offset, count, index, out start, out length))
            {
                return null;
            }

            if (length >= 2 && line[start] == Quote && line[start + length - 1] == Quote)
            {
                start++;
                length -= 2;
            }

            return AtText.ToPrintable(line, start, length);
        }
    }
}
