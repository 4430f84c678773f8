namespace CellularIot.Cloud.Onboarding
{
    /// <summary>
    /// The onboarding values found in one CSV record, by slot: 0 username, 1 endpoint, 2 client ID, 3 root CA
    /// URL. Named fields rather than a <c>string[4]</c>: on nanoFramework the slots of a new string array are
    /// not null, so "not found yet" could not be read back from one.
    /// </summary>
    internal sealed class RecognisedFields
    {
        private string username;
        private string endpoint;
        private string clientId;
        private string rootCaUrl;

        /// <summary>Whether any slot holds a value.</summary>
        public bool Any
        {
            get { return username != null || endpoint != null || clientId != null || rootCaUrl != null; }
        }

        /// <summary>The value in <paramref name="slot"/>, or null when the record had none.</summary>
        public string Get(int slot)
        {
            return slot == 0 ? username : (slot == 1 ? endpoint : (slot == 2 ? clientId : rootCaUrl));
        }

        /// <summary>Puts <paramref name="value"/> in an empty slot; false when the slot already holds one.</summary>
        public bool TryPut(int slot, string value)
        {
            if (Get(slot) != null)
            {
                return false;
            }

            if (slot == 0)
            {
                username = value;
            }
            else if (slot == 1)
            {
                endpoint = value;
            }
            else if (slot == 2)
            {
                clientId = value;
            }
            else
            {
                rootCaUrl = value;
            }

            return true;
        }
    }
}
