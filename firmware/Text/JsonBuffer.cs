namespace CellularIot.Text
{
    using System;
    using CellularIot.Bytes;

    /// <summary>
    /// Writes compact JSON into one reused byte buffer. Telemetry and command replies are small, flat
    /// objects; writing them in place keeps every message free of allocation and of a JSON library the
    /// device does not have.
    /// </summary>
    public class JsonBuffer
    {
        private readonly byte[] buffer;
        private int length;
        private bool needsComma;

        /// <summary>Creates a writer with room for <paramref name="capacity"/> bytes.</summary>
        public JsonBuffer(int capacity)
        {
            buffer = new byte[capacity];
        }

        /// <summary>The bytes written so far start at index 0 of this array.</summary>
        public byte[] Bytes
        {
            get { return buffer; }
        }

        /// <summary>How many bytes have been written.</summary>
        public int Length
        {
            get { return length; }
        }

        /// <summary>Empties the buffer for the next message.</summary>
        public void Clear()
        {
            length = 0;
            needsComma = false;
        }

        /// <summary>Opens an object (as a value or an array element).</summary>
        public void BeginObject()
        {
            Separate();
            Put((byte)'{');
            needsComma = false;
        }

        /// <summary>Closes the current object.</summary>
        public void EndObject()
        {
            Put((byte)'}');
            needsComma = true;
        }

        /// <summary>Opens an array (as a value or an element).</summary>
        public void BeginArray()
        {
            Separate();
            Put((byte)'[');
            needsComma = false;
        }

        /// <summary>Closes the current array.</summary>
        public void EndArray()
        {
            Put((byte)']');
            needsComma = true;
        }

        /// <summary>Writes <c>"name":</c>; the value follows.</summary>
        public void Name(string name)
        {
            Separate();
            WriteQuoted(name);
            Put((byte)':');
            needsComma = false;
        }

        /// <summary>Writes an integer property.</summary>
        public void Property(string name, long value)
        {
            Name(name);
            Reserve(AsciiInt.FormattedLength(value));
            length += AsciiInt.Format(value, buffer, length);
            needsComma = true;
        }

        /// <summary>Writes a number given in tenths with one decimal, e.g. 215 as 21.5 and -5 as -0.5.</summary>
        public void PropertyTenths(string name, int tenths)
        {
            Name(name);
            long magnitude = tenths < 0 ? -(long)tenths : tenths;
            if (tenths < 0)
            {
                Put((byte)'-');
            }

            Reserve(AsciiInt.FormattedLength(magnitude / 10) + 2);
            length += AsciiInt.Format(magnitude / 10, buffer, length);
            Put((byte)'.');
            Put((byte)('0' + (magnitude % 10)));
            needsComma = true;
        }

        /// <summary>Writes a boolean property.</summary>
        public void Property(string name, bool value)
        {
            Name(name);
            WriteRaw(value ? "true" : "false");
            needsComma = true;
        }

        /// <summary>Writes a string property, escaped as JSON requires.</summary>
        public void Property(string name, string value)
        {
            Name(name);
            WriteQuoted(value);
            needsComma = true;
        }

        private void Separate()
        {
            if (needsComma)
            {
                Put((byte)',');
            }
        }

        private void WriteQuoted(string text)
        {
            Put((byte)'"');
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\\')
                {
                    Put((byte)'\\');
                    Put((byte)c);
                }
                else if (c < 0x20)
                {
                    WriteRaw("\\u00");
                    Reserve(2);
                    length += Hex.Format(c, 2, buffer, length);
                }
                else if (c < 0x80)
                {
                    Put((byte)c);
                }
                else
                {
                    // Non-ASCII: encode the rest through the strict UTF-8 encoder, one char (or pair) at a time.
                    int take = c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length ? 2 : 1;
                    string part = text.Substring(i, take);
                    Reserve(Utf8.GetByteCount(part));
                    length += Utf8.Encode(part, buffer, length);
                    i += take - 1;
                }
            }

            Put((byte)'"');
        }

        private void WriteRaw(string ascii)
        {
            Reserve(ascii.Length);
            for (int i = 0; i < ascii.Length; i++)
            {
                buffer[length++] = (byte)ascii[i];
            }
        }

        private void Put(byte value)
        {
            Reserve(1);
            buffer[length++] = value;
        }

        private void Reserve(int count)
        {
            if (buffer.Length - length < count)
            {
                throw new InvalidOperationException("JSON message longer than its " + buffer.Length + "-byte buffer");
            }
        }
    }
}
