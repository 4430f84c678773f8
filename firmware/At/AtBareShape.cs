namespace CellularIot.At
{
    using System;

    /// <summary>
    /// What a bare answer (a line without a prefix, such as the ICCID, the IMEI or the firmware revision) looks
    /// like, so that it is recognised by its shape rather than by being the next line: modules print network-time
    /// lines (<c>DST: 1</c>, <c>*PSUTTZ: ...</c>), boot lines (<c>SMS Ready</c>) and noise between a command and its
    /// answer. A shape is an optional leading label (kept in the answer) and then one token: decimal digits only,
    /// or letters, digits and <c>. _ - /</c> with at least one digit; no spaces and no colon.
    /// </summary>
    public sealed class AtBareShape
    {
        private readonly byte[] label;
        private readonly bool digitsOnly;
        private readonly int minLength;
        private readonly int maxLength;

        private AtBareShape(string label, bool digitsOnly, int minLength, int maxLength)
        {
            if (minLength < 1 || maxLength < minLength)
            {
                throw new ArgumentOutOfRangeException(nameof(minLength), "a token holds 1..max characters");
            }

            this.label = label == null ? null : AtText.ToCommandBytes(label);
            this.digitsOnly = digitsOnly;
            this.minLength = minLength;
            this.maxLength = maxLength;
        }

        /// <summary><paramref name="minLength"/> to <paramref name="maxLength"/> decimal digits (an ICCID, an IMEI).</summary>
        public static AtBareShape Digits(int minLength, int maxLength)
        {
            return new AtBareShape(null, true, minLength, maxLength);
        }

        /// <summary>
        /// A token of <paramref name="minLength"/> to <paramref name="maxLength"/> characters with at least one
        /// digit, after <paramref name="label"/> when the module prints one (<c>Revision:1951B17SIM7080</c>).
        /// </summary>
        public static AtBareShape Token(string label, int minLength, int maxLength)
        {
            return new AtBareShape(label, false, minLength, maxLength);
        }

        /// <summary>True when the <paramref name="count"/> bytes of <paramref name="line"/> have this shape.</summary>
        public bool Matches(byte[] line, int count)
        {
            int at = 0;
            if (label != null && AtText.StartsWith(line, 0, count, label))
            {
                at = label.Length;
                while (at < count && line[at] == (byte)' ')
                {
                    at++;
                }
            }

            int length = count - at;
            if (length < minLength || length > maxLength)
            {
                return false;
            }

            bool digitSeen = false;
            for (; at < count; at++)
            {
                byte b = line[at];
                bool digit = b >= (byte)'0' && b <= (byte)'9';
                digitSeen |= digit;
                if (!digit && (digitsOnly || !IsTokenByte(b)))
                {
                    return false;
                }
            }

            return digitSeen;
        }

        private static bool IsTokenByte(byte b)
        {
            return (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'a' && b <= (byte)'z')
                || b == (byte)'.' || b == (byte)'_' || b == (byte)'-' || b == (byte)'/';
        }
    }
}
