namespace CellularIot.Net.Http
{
    using System;
    using System.Collections;
    using CellularIot.Text;

    /// <summary>
    /// Header fields in the order they were sent or added. Names compare without regard to ASCII case, as
    /// HTTP requires; values are kept as they are, surrounding whitespace removed.
    /// </summary>
    public class HttpHeaders
    {
        private readonly ArrayList names = new ArrayList();
        private readonly ArrayList values = new ArrayList();

        /// <summary>How many fields there are.</summary>
        public int Count
        {
            get { return names.Count; }
        }

        /// <summary>The name of field <paramref name="index"/>, as sent.</summary>
        public string NameAt(int index)
        {
            return (string)names[index];
        }

        /// <summary>The value of field <paramref name="index"/>.</summary>
        public string ValueAt(int index)
        {
            return (string)values[index];
        }

        /// <summary>Appends a field; an existing field of the same name is kept.</summary>
        public void Add(string name, string value)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (value == null)
            {
                throw new ArgumentNullException(nameof(value));
            }

            names.Add(name);
            values.Add(value);
        }

        /// <summary>True when a field named <paramref name="name"/> is present.</summary>
        public bool Contains(string name)
        {
            return IndexOf(name, 0) >= 0;
        }

        /// <summary>The first value of <paramref name="name"/>, or null.</summary>
        public string Get(string name)
        {
            int at = IndexOf(name, 0);
            return at < 0 ? null : ValueAt(at);
        }

        /// <summary>
        /// Every value of <paramref name="name"/> joined with ", " (how HTTP combines repeated list fields),
        /// or null when there is none.
        /// </summary>
        public string GetCombined(string name)
        {
            string combined = null;
            for (int at = IndexOf(name, 0); at >= 0; at = IndexOf(name, at + 1))
            {
                combined = combined == null ? ValueAt(at) : combined + ", " + ValueAt(at);
            }

            return combined;
        }

        /// <summary>True when the comma-separated list field <paramref name="name"/> holds <paramref name="token"/> (any ASCII case).</summary>
        public bool HasToken(string name, string token)
        {
            string list = GetCombined(name);
            if (list == null)
            {
                return false;
            }

            string[] items = list.Split(',');
            for (int i = 0; i < items.Length; i++)
            {
                if (AsciiText.EqualsIgnoreCase(items[i].Trim(), token))
                {
                    return true;
                }
            }

            return false;
        }

        private int IndexOf(string name, int from)
        {
            for (int i = from; i < names.Count; i++)
            {
                if (AsciiText.EqualsIgnoreCase((string)names[i], name))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
