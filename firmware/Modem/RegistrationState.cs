namespace CellularIot.Modem
{
    /// <summary>The network registration status of +CEREG (the numbers are the modem's).</summary>
    public enum RegistrationState
    {
        /// <summary>Not registered and not searching.</summary>
        NotSearching = 0,

        /// <summary>Registered on the home network.</summary>
        Home = 1,

        /// <summary>Not registered, searching.</summary>
        Searching = 2,

        /// <summary>Registration denied.</summary>
        Denied = 3,

        /// <summary>Unknown (out of coverage, or an answer that could not be read).</summary>
        Unknown = 4,

        /// <summary>Registered, roaming; 1NCE SIMs always roam, so this is success.</summary>
        Roaming = 5,
    }
}
