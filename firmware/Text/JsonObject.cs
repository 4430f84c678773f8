namespace CellularIot.Text
{
    using System;
    using System.Collections;

    /// <summary>
    /// The top-level members of one JSON object (RFC 8259), read without building a document: strings are
    /// decoded (escapes \" \\ \/ \b \f \n \r \t \uXXXX), numbers kept as text, and nested objects and arrays
    /// checked and skipped up to a fixed depth. Enough for the onboarding answer, its error bodies and a JWT
    /// payload; the caller bounds the text's length.
    /// </summary>
    public class JsonObject
    {
        /// <summary>Most members read from one object.</summary>
        public const int MaxMembers = 64;

        /// <summary>Deepest nesting skipped inside a member value.</summary>
        public const int MaxDepth = 16;

        private const int KindString = 1;
        private const int KindNumber = 2;
        private const int KindOther = 3;

        // Returned by Peek past the end. U+0000, written as a number: nanoFramework strings never hold it, and
        // NanoCheck refuses it in literals.
        private const char EndOfText = (char)0;

        private readonly string text;
        private readonly ArrayList names = new ArrayList();
        private readonly ArrayList values = new ArrayList();
        private readonly ArrayList kinds = new ArrayList();
        private int at;

        private JsonObject(string text)
        {
            this.text = text;
        }

        /// <summary>How many members the object has.</summary>
        public int Count
        {
            get { return names.Count; }
        }

        /// <summary>Reads the object that makes up the whole of <paramref name="text"/> (whitespace around it allowed).</summary>
        /// <exception cref="FormatException">The text is not one well-formed JSON object, or exceeds a limit.</exception>
        public static JsonObject Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            JsonObject result = new JsonObject(text);
            result.ParseObject();
            return result;
        }

        /// <summary>The name of member <paramref name="index"/>.</summary>
        public string NameAt(int index)
        {
            return (string)names[index];
        }

        /// <summary>The string value of member <paramref name="name"/> (exact name), or null when absent or not a string.</summary>
        public string GetString(string name)
        {
            int index = Find(name, false, KindString);
            return index < 0 ? null : (string)values[index];
        }

        /// <summary>The string value of the member named <paramref name="name"/> in any ASCII case, or null.</summary>
        public string GetStringIgnoreCase(string name)
        {
            int index = Find(name, true, KindString);
            return index < 0 ? null : (string)values[index];
        }

        /// <summary>
        /// The integer part of number member <paramref name="name"/>; false when absent, not a number, written
        /// with an exponent, or outside the range of a long.
        /// </summary>
        public bool TryGetInteger(string name, out long value)
        {
            value = 0;
            int index = Find(name, false, KindNumber);
            if (index < 0)
            {
                return false;
            }

            string number = (string)values[index];
            if (number.Contains("e") || number.Contains("E"))
            {
                return false;
            }

            bool negative = number[0] == '-';
            long accumulated = 0;
            for (int i = negative ? 1 : 0; i < number.Length; i++)
            {
                char c = number[i];
                if (c == '.')
                {
                    break;
                }

                if (c < '0' || c > '9' || accumulated > (long.MaxValue - (c - '0')) / 10)
                {
                    return false;
                }

                accumulated = (accumulated * 10) + (c - '0');
            }

            value = negative ? -accumulated : accumulated;
            return true;
        }

        private int Find(string name, bool ignoreCase, int kind)
        {
            for (int i = 0; i < names.Count; i++)
            {
                string candidate = (string)names[i];
                bool match = ignoreCase ? AsciiText.EqualsIgnoreCase(candidate, name) : candidate == name;
                if (match && (int)kinds[i] == kind)
                {
                    return i;
                }
            }

            return -1;
        }

        private void ParseObject()
        {
            SkipSpace();
            Expect('{');
            SkipSpace();
            if (Peek() == '}')
            {
                at++;
            }
            else
            {
                while (true)
                {
                    SkipSpace();
                    string name = ReadString();
                    SkipSpace();
                    Expect(':');
                    SkipSpace();
                    ReadMember(name);
                    SkipSpace();
                    char c = Next();
                    if (c == '}')
                    {
                        break;
                    }

                    if (c != ',')
                    {
                        throw Error("',' or '}' expected");
                    }
                }
            }

            SkipSpace();
            if (at != text.Length)
            {
                throw Error("text after the object");
            }
        }

        private void ReadMember(string name)
        {
            if (names.Count == MaxMembers)
            {
                throw Error("more than " + MaxMembers + " members");
            }

            char c = Peek();
            object value;
            int kind;
            if (c == '"')
            {
                value = ReadString();
                kind = KindString;
            }
            else if (c == '-' || (c >= '0' && c <= '9'))
            {
                value = ReadNumber();
                kind = KindNumber;
            }
            else
            {
                SkipValue(1);
                value = null;
                kind = KindOther;
            }

            names.Add(name);
            values.Add(value);
            kinds.Add(kind);
        }

        private void SkipValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("nested deeper than " + MaxDepth);
            }

            char c = Peek();
            if (c == '"')
            {
                ReadString();
            }
            else if (c == '-' || (c >= '0' && c <= '9'))
            {
                ReadNumber();
            }
            else if (c == '{' || c == '[')
            {
                SkipContainer(depth);
            }
            else if (!TrySkipLiteral("true") && !TrySkipLiteral("false") && !TrySkipLiteral("null"))
            {
                throw Error("value expected");
            }
        }

        private void SkipContainer(int depth)
        {
            char open = Next();
            char close = open == '{' ? '}' : ']';
            SkipSpace();
            if (Peek() == close)
            {
                at++;
                return;
            }

            while (true)
            {
                SkipSpace();
                if (open == '{')
                {
                    ReadString();
                    SkipSpace();
                    Expect(':');
                    SkipSpace();
                }

                SkipValue(depth + 1);
                SkipSpace();
                char c = Next();
                if (c == close)
                {
                    return;
                }

                if (c != ',')
                {
                    throw Error("',' or '" + close + "' expected");
                }
            }
        }

        private bool TrySkipLiteral(string literal)
        {
            if (at + literal.Length > text.Length)
            {
                return false;
            }

            for (int i = 0; i < literal.Length; i++)
            {
                if (text[at + i] != literal[i])
                {
                    return false;
                }
            }

            at += literal.Length;
            return true;
        }

        private string ReadString()
        {
            Expect('"');

            // The decoded string is never longer than its source, so the rest of the text bounds it.
            char[] chars = new char[Scan()];
            int length = 0;
            while (true)
            {
                char c = Next();
                if (c == '"')
                {
                    return new string(chars, 0, length);
                }

                if (c < ' ')
                {
                    throw Error("control character in a string");
                }

                if (c != '\\')
                {
                    chars[length++] = c;
                    continue;
                }

                char escape = Next();
                if (escape == 'u')
                {
                    chars[length++] = ReadHex4();
                }
                else
                {
                    int known = "\"\\/bfnrt".IndexOf(escape);
                    if (known < 0)
                    {
                        throw Error("unknown escape \\" + escape);
                    }

                    chars[length++] = "\"\\/\b\f\n\r\t"[known];
                }
            }
        }

        // Source characters up to the closing quote: an upper bound of the decoded length.
        private int Scan()
        {
            for (int i = at; i < text.Length; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                }
                else if (text[i] == '"')
                {
                    return i - at;
                }
            }

            throw Error("unterminated string");
        }

        private char ReadHex4()
        {
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                char c = Next();
                int nibble = c >= '0' && c <= '9' ? c - '0' : (c >= 'a' && c <= 'f' ? c - 'a' + 10 : (c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1));
                if (nibble < 0)
                {
                    throw Error("\\u needs four hex digits");
                }

                value = (value * 16) + nibble;
            }

            return (char)value;
        }

        // RFC 8259 number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        private string ReadNumber()
        {
            int start = at;
            if (Peek() == '-')
            {
                at++;
            }

            if (Peek() == '0')
            {
                at++;
            }
            else
            {
                RequireDigits();
            }

            if (Peek() == '.')
            {
                at++;
                RequireDigits();
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                at++;
                if (Peek() == '+' || Peek() == '-')
                {
                    at++;
                }

                RequireDigits();
            }

            return text.Substring(start, at - start);
        }

        private void RequireDigits()
        {
            int start = at;
            while (Peek() >= '0' && Peek() <= '9')
            {
                at++;
            }

            if (at == start)
            {
                throw Error("digit expected");
            }
        }

        private void SkipSpace()
        {
            while (at < text.Length && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
            {
                at++;
            }
        }

        private void Expect(char expected)
        {
            if (Next() != expected)
            {
                throw Error("'" + expected + "' expected");
            }
        }

        // EndOfText stands for the end of the text: it never starts or continues a valid token here.
        private char Peek()
        {
            return at < text.Length ? text[at] : EndOfText;
        }

        private char Next()
        {
            if (at >= text.Length)
            {
                throw Error("unexpected end");
            }

            return text[at++];
        }

        private FormatException Error(string what)
        {
            return new FormatException("JSON: " + what + " at offset " + at);
        }
    }
}
