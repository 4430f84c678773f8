namespace CellularIot.Bytes
{
    using System;

    /// <summary>
    /// Strict UTF-8 between strings and byte arrays. nanoFramework's Encoding lives in a separate package,
    /// and the core may use only mscorlib; strictness matters because malformed bytes from a modem or a
    /// server must become a clear error, never a silently altered credential or topic.
    /// </summary>
    public static class Utf8
    {
        /// <summary>Number of bytes <paramref name="text"/> encodes to.</summary>
        /// <exception cref="Utf8Exception">The string holds an unpaired surrogate.</exception>
        public static int GetByteCount(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    count += 1;
                }
                else if (c < 0x800)
                {
                    count += 2;
                }
                else if (IsHighSurrogate(c))
                {
                    LowSurrogateAfter(text, i);
                    count += 4;
                    i++;
                }
                else if (IsLowSurrogate(c))
                {
                    throw new Utf8Exception("unpaired low surrogate at index " + i);
                }
                else
                {
                    count += 3;
                }
            }

            return count;
        }

        /// <summary>Encodes <paramref name="text"/> into <paramref name="destination"/> and returns the byte count.</summary>
        /// <exception cref="ArgumentException">The destination is too small; nothing is written past its end.</exception>
        public static int Encode(string text, byte[] destination, int offset)
        {
            int needed = GetByteCount(text);
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (offset < 0 || offset > destination.Length || destination.Length - offset < needed)
            {
                throw new ArgumentException("destination too small for " + needed + " UTF-8 bytes", nameof(destination));
            }

            int at = offset;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    destination[at++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    destination[at++] = (byte)(0xC0 | (c >> 6));
                    destination[at++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (IsHighSurrogate((char)c))
                {
                    int scalar = 0x10000 + ((c - 0xD800) << 10) + (LowSurrogateAfter(text, i) - 0xDC00);
                    i++;
                    destination[at++] = (byte)(0xF0 | (scalar >> 18));
                    destination[at++] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                    destination[at++] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                    destination[at++] = (byte)(0x80 | (scalar & 0x3F));
                }
                else
                {
                    destination[at++] = (byte)(0xE0 | (c >> 12));
                    destination[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    destination[at++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            return at - offset;
        }

        /// <summary>Encodes <paramref name="text"/> into a new array of exactly the right size.</summary>
        public static byte[] GetBytes(string text)
        {
            byte[] bytes = new byte[GetByteCount(text)];
            Encode(text, bytes, 0);
            return bytes;
        }

        /// <summary>Number of UTF-16 chars the bytes decode to, validating them strictly.</summary>
        /// <exception cref="Utf8Exception">The bytes are not well-formed UTF-8 (overlong, surrogate, truncated, above U+10FFFF).</exception>
        public static int GetCharCount(byte[] source, int offset, int count)
        {
            CheckRange(source, offset, count);
            int chars = 0;
            int end = offset + count;
            int at = offset;
            while (at < end)
            {
                int length = SequenceLength(source, at, end);
                chars += length == 4 ? 2 : 1;
                at += length;
            }

            return chars;
        }

        /// <summary>Decodes well-formed UTF-8; anything else throws, so no byte is ever silently replaced.</summary>
        /// <exception cref="Utf8Exception">The bytes are not well-formed UTF-8.</exception>
        public static string Decode(byte[] source, int offset, int count)
        {
            char[] chars = new char[GetCharCount(source, offset, count)];
            int end = offset + count;
            int at = offset;
            int next = 0;
            while (at < end)
            {
                int length = SequenceLength(source, at, end);
                int scalar = length == 1 ? source[at] : source[at] & (0xFF >> (length + 1));
                for (int k = 1; k < length; k++)
                {
                    scalar = (scalar << 6) | (source[at + k] & 0x3F);
                }

                if (length == 4)
                {
                    scalar -= 0x10000;
                    chars[next++] = (char)(0xD800 + (scalar >> 10));
                    chars[next++] = (char)(0xDC00 + (scalar & 0x3FF));
                }
                else
                {
                    chars[next++] = (char)scalar;
                }

                at += length;
            }

            return new string(chars, 0, next);
        }

        /// <summary>Decodes a whole array.</summary>
        public static string Decode(byte[] source)
        {
            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            return Decode(source, 0, source.Length);
        }

        // Returns the length of the well-formed sequence at 'at', following the table of well-formed byte
        // sequences in the Unicode standard (section 3.9), which excludes overlongs and surrogates.
        private static int SequenceLength(byte[] source, int at, int end)
        {
            int lead = source[at];
            if (lead < 0x80)
            {
                return 1;
            }

            int length;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                length = 2;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                length = 3;
                if (lead == 0xE0)
                {
                    secondMin = 0xA0;
                }
                else if (lead == 0xED)
                {
                    secondMax = 0x9F;
                }
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                length = 4;
                if (lead == 0xF0)
                {
                    secondMin = 0x90;
                }
                else if (lead == 0xF4)
                {
                    secondMax = 0x8F;
                }
            }
            else
            {
                throw new Utf8Exception("invalid lead byte 0x" + Hex.ToString(lead, 2) + " at offset " + at);
            }

            if (end - at < length)
            {
                throw new Utf8Exception("truncated sequence at offset " + at);
            }

            int second = source[at + 1];
            if (second < secondMin || second > secondMax)
            {
                throw new Utf8Exception("invalid continuation byte 0x" + Hex.ToString(second, 2) + " at offset " + (at + 1));
            }

            for (int k = 2; k < length; k++)
            {
                int b = source[at + k];
                if (b < 0x80 || b > 0xBF)
                {
                    throw new Utf8Exception("invalid continuation byte 0x" + Hex.ToString(b, 2) + " at offset " + (at + k));
                }
            }

            return length;
        }

        private static bool IsHighSurrogate(char c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        private static bool IsLowSurrogate(char c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }

        // The low surrogate paired with the high one at highIndex. Read through ToCharArray, not the indexer:
        // nanoFramework keeps strings as UTF-8, and its indexer gives the high surrogate again at the low one's
        // index, while ToCharArray converts the pair whole.
        private static char LowSurrogateAfter(string text, int highIndex)
        {
            if (highIndex + 1 < text.Length)
            {
                char low = text.ToCharArray(highIndex, 2)[1];
                if (IsLowSurrogate(low))
                {
                    return low;
                }
            }

            throw new Utf8Exception("unpaired high surrogate at index " + highIndex);
        }

        private static void CheckRange(byte[] source, int offset, int count)
        {
            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            if (offset < 0 || count < 0 || offset > source.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "range outside the array");
            }
        }
    }
}
