namespace CellularIot.Modem
{
    /// <summary>
    /// The settings a module holds in memory for each of its contexts (SSL contexts, connection ids) as this driver last
    /// wrote them, so that a setting is written only when it differs. What a failed command may have left is unknown:
    /// its context is forgotten; and everything is forgotten when the module restarts. Values are compared as text;
    /// null means "not known".
    /// </summary>
    internal sealed class HeldSettings
    {
        private readonly object sync = new object();
        private readonly string[] values;
        private readonly int keys;

        /// <summary>Room for <paramref name="keys"/> settings in each of <paramref name="contexts"/> contexts, none known.</summary>
        public HeldSettings(int contexts, int keys)
        {
            this.keys = keys;

            // On nanoFramework a new string array's slots are not null: each is cleared before anything reads it.
            string[] none = new string[contexts * keys];
            for (int i = 0; i < none.Length; i++)
            {
                none[i] = null;
            }

            values = none;
        }

        /// <summary>Whether <paramref name="context"/> is known to hold <paramref name="value"/> as setting <paramref name="key"/>.</summary>
        public bool Holds(int context, int key, string value)
        {
            lock (sync)
            {
                return value != null && values[(context * keys) + key] == value;
            }
        }

        /// <summary>Records that <paramref name="context"/> now holds <paramref name="value"/> as setting <paramref name="key"/>.</summary>
        public void Set(int context, int key, string value)
        {
            lock (sync)
            {
                values[(context * keys) + key] = value;
            }
        }

        /// <summary>Nothing is known of <paramref name="context"/> any more.</summary>
        public void Forget(int context)
        {
            lock (sync)
            {
                for (int key = 0; key < keys; key++)
                {
                    values[(context * keys) + key] = null;
                }
            }
        }

        /// <summary>The module restarted (or may have): nothing is known of any context.</summary>
        public void Forget()
        {
            lock (sync)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = null;
                }
            }
        }
    }
}
