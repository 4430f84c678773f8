namespace CellularIot.Cloud.HttpsPost
{
    using System;

    /// <summary>
    /// Splits a telemetry batch (a JSON array of readings, as the device sends it) into two arrays of about half
    /// the readings each, for an endpoint that answered 413: every reading goes out whole, with its own sequence
    /// number, in one of the halves. Strings and nesting are followed, so only the array's own commas split it.
    /// </summary>
    internal static class BatchSplit
    {
        /// <summary>The two halves, or false when <paramref name="body"/> is not an array of at least two elements.</summary>
        public static bool Halves(byte[] body, out byte[] first, out byte[] second)
        {
            first = null;
            second = null;
            int end = body.Length;
            while (end > 0 && IsSpace(body[end - 1]))
            {
                end--;
            }

            if (end < 2 || body[0] != '[' || body[end - 1] != ']')
            {
                return false;
            }

            int commas = CountTopCommas(body, end, -1);
            if (commas == 0)
            {
                return false;
            }

            int middle = CountTopCommas(body, end, (commas - 1) / 2);
            first = new byte[middle + 1];
            Array.Copy(body, 0, first, 0, middle);
            first[middle] = (byte)']';
            second = new byte[end - middle];
            second[0] = (byte)'[';
            Array.Copy(body, middle + 1, second, 1, end - middle - 1);
            return true;
        }

        // With wanted < 0, how many commas separate the array's elements; else the index of the wanted-th one.
        private static int CountTopCommas(byte[] body, int end, int wanted)
        {
            int depth = 0;
            int found = 0;
            bool inString = false;
            for (int i = 0; i < end; i++)
            {
                byte b = body[i];
                if (inString)
                {
                    if (b == '\\')
                    {
                        i++;
                    }
                    else if (b == '"')
                    {
                        inString = false;
                    }
                }
                else if (b == '"')
                {
                    inString = true;
                }
                else if (b == '[' || b == '{')
                {
                    depth++;
                }
                else if (b == ']' || b == '}')
                {
                    depth--;
                }
                else if (b == ',' && depth == 1)
                {
                    if (found == wanted)
                    {
                        return i;
                    }

                    found++;
                }
            }

            return found;
        }

        private static bool IsSpace(byte b)
        {
            return b == ' ' || b == '\t' || b == '\r' || b == '\n';
        }
    }
}
