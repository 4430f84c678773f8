namespace CellularIot.Text
{
    using System;
    using System.Collections;

    /// <summary>
    /// RFC 4180 records: fields separated by commas, optionally double-quoted (a quoted field may hold commas,
    /// line ends and doubled quotes), records ended by CRLF, LF or CR. 1NCE escapes newlines inside values as
    /// a literal backslash-n; those become real newlines. Empty lines are skipped.
    /// </summary>
    public static class CsvReader
    {
        /// <summary>The records of <paramref name="text"/>, each an array of field values.</summary>
        /// <exception cref="FormatException">A quote is misplaced or unterminated, or a limit is exceeded.</exception>
        public static string[][] Read(string text, int maxRecords, int maxFields)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            ArrayList records = new ArrayList();
            ArrayList fields = new ArrayList();

            // No field is longer than the text, so one scratch array of that size bounds all work.
            char[] value = new char[text.Length];
            int length = 0;
            bool quoted = false;
            bool fieldStarted = false;
            int at = 0;
            while (at <= text.Length)
            {
                char c = at < text.Length ? text[at] : '\n';
                bool atEnd = at == text.Length;
                if (quoted)
                {
                    if (atEnd)
                    {
                        throw new FormatException("CSV: unterminated quoted field");
                    }

                    if (c == '"')
                    {
                        if (at + 1 < text.Length && text[at + 1] == '"')
                        {
                            value[length++] = '"';
                            at += 2;
                            continue;
                        }

                        quoted = false;
                        at++;
                        if (at < text.Length && text[at] != ',' && text[at] != '\r' && text[at] != '\n')
                        {
                            throw new FormatException("CSV: character after a closing quote at offset " + at);
                        }

                        continue;
                    }

                    value[length++] = c;
                    at++;
                    continue;
                }

                if (c == '"')
                {
                    if (fieldStarted)
                    {
                        throw new FormatException("CSV: quote inside an unquoted field at offset " + at);
                    }

                    quoted = true;
                    fieldStarted = true;
                    at++;
                    continue;
                }

                if (c == ',')
                {
                    AddField(fields, value, length, maxFields);
                    length = 0;
                    fieldStarted = false;
                    at++;
                    continue;
                }

                if (c == '\r' || c == '\n')
                {
                    // A line with nothing on it is no record (trailing line ends are common).
                    if (fieldStarted || fields.Count > 0)
                    {
                        AddField(fields, value, length, maxFields);
                        if (records.Count == maxRecords)
                        {
                            throw new FormatException("CSV: more than " + maxRecords + " records");
                        }

                        records.Add(ToArray(fields));
                        fields.Clear();
                    }

                    length = 0;
                    fieldStarted = false;
                    at += c == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1;
                    continue;
                }

                value[length++] = c;
                fieldStarted = true;
                at++;
            }

            string[][] result = new string[records.Count][];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (string[])records[i];
            }

            return result;
        }

        private static void AddField(ArrayList fields, char[] value, int length, int maxFields)
        {
            if (fields.Count == maxFields)
            {
                throw new FormatException("CSV: more than " + maxFields + " fields in a record");
            }

            fields.Add(Unescape(value, length));
        }

        // "\n" (backslash, n) is 1NCE's escape for a newline inside a value.
        private static string Unescape(char[] value, int length)
        {
            int written = 0;
            for (int i = 0; i < length; i++)
            {
                if (value[i] == '\\' && i + 1 < length && value[i + 1] == 'n')
                {
                    value[written++] = '\n';
                    i++;
                }
                else
                {
                    value[written++] = value[i];
                }
            }

            return new string(value, 0, written);
        }

        private static string[] ToArray(ArrayList fields)
        {
            string[] array = new string[fields.Count];
            for (int i = 0; i < array.Length; i++)
            {
                array[i] = (string)fields[i];
            }

            return array;
        }
    }
}
