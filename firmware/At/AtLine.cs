namespace CellularIot.At
{
    using System;

    /// <summary>
    /// A received line as URC handlers see it: a view over a buffer that the channel reuses, so read what you
    /// need during the handler call. Comparisons and field reads do not allocate; <see cref="ToString"/> and
    /// <see cref="GetField"/> do.
    /// </summary>
    public sealed class AtLine
    {
        private readonly byte[] buffer;
        private int count;

        /// <summary>Creates a view with room for lines of up to <paramref name="capacity"/> bytes.</summary>
        public AtLine(int capacity)
        {
            buffer = new byte[capacity];
        }

        /// <summary>Length of the line in bytes.</summary>
        public int Length
        {
            get { return count; }
        }

        /// <summary>True when the line begins with <paramref name="prefix"/>.</summary>
        public bool StartsWith(string prefix)
        {
            return AtText.StartsWith(buffer, 0, count, prefix);
        }

        /// <summary>True when the line is exactly <paramref name="text"/>.</summary>
        public bool Is(string text)
        {
            return AtText.IsExactly(buffer, 0, count, text);
        }

        /// <summary>Field <paramref name="index"/> as an integer; false when missing or not a number.</summary>
        public bool TryGetInt(int index, out int value)
        {
            return AtFields.TryGetInt(buffer, 0, count, index, out value);
        }

        /// <summary>Field <paramref name="index"/> without quotes, or null when missing.</summary>
        public string GetField(int index)
        {
            return AtFields.GetString(buffer, 0, count, index);
        }

        /// <summary>The line as text (printable ASCII; other bytes shown as '?').</summary>
        public override string ToString()
        {
            return AtText.ToPrintable(buffer, 0, count);
        }

        /// <summary>Points the view at a copy of <paramref name="length"/> bytes of <paramref name="source"/>.</summary>
        internal void Load(byte[] source, int length)
        {
            Array.Copy(source, 0, buffer, 0, length);
            count = length;
        }
    }
}
