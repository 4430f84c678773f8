namespace CellularIot.At
{
    using System;
    using System.Collections;

    /// <summary>
    /// The URC handlers by prefix: a line goes to the handler of the longest registered prefix it starts with. A
    /// prefix-less URC is registered by its whole text (<c>RDY</c>).
    /// </summary>
    internal sealed class UrcTable
    {
        private readonly ArrayList registrations = new ArrayList();

        /// <summary>Sends URCs that start with <paramref name="prefix"/> to <paramref name="handler"/>, replacing an earlier one of the same prefix.</summary>
        /// <exception cref="ArgumentNullException">No handler.</exception>
        /// <exception cref="ArgumentException">An empty prefix, or one that is not command text.</exception>
        public void Register(string prefix, UrcHandler handler)
        {
            if (handler == null)
            {
                throw new ArgumentNullException(nameof(handler));
            }

            byte[] bytes = AtText.ToCommandBytes(prefix);
            if (bytes.Length == 0)
            {
                throw new ArgumentException("a URC prefix cannot be empty", nameof(prefix));
            }

            int existing = IndexOf(bytes);
            if (existing >= 0)
            {
                ((UrcRegistration)registrations[existing]).Handler = handler;
                return;
            }

            registrations.Add(new UrcRegistration(bytes, handler));
        }

        /// <summary>Removes the handler of <paramref name="prefix"/>; false when there was none.</summary>
        public bool Unregister(string prefix)
        {
            int existing = IndexOf(AtText.ToCommandBytes(prefix));
            if (existing < 0)
            {
                return false;
            }

            registrations.RemoveAt(existing);
            return true;
        }

        /// <summary>The handler of the longest prefix the <paramref name="count"/> bytes of <paramref name="line"/> start with, or null.</summary>
        public UrcHandler Find(byte[] line, int count)
        {
            UrcRegistration best = null;
            for (int i = 0; i < registrations.Count; i++)
            {
                var candidate = (UrcRegistration)registrations[i];
                if ((best == null || candidate.Prefix.Length > best.Prefix.Length) && AtText.StartsWith(line, 0, count, candidate.Prefix))
                {
                    best = candidate;
                }
            }

            return best == null ? null : best.Handler;
        }

        private int IndexOf(byte[] prefix)
        {
            for (int i = 0; i < registrations.Count; i++)
            {
                byte[] existing = ((UrcRegistration)registrations[i]).Prefix;
                if (AtText.IsExactly(existing, 0, existing.Length, prefix))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
