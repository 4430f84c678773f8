namespace CellularIot.Modem
{
    /// <summary>Reading registration states.</summary>
    public static class Registration
    {
        /// <summary>True for home and for roaming registration.</summary>
        public static bool IsRegistered(RegistrationState state)
        {
            return state == RegistrationState.Home || state == RegistrationState.Roaming;
        }

        /// <summary>The state for a +CEREG status number; numbers beyond the known ones are <see cref="RegistrationState.Unknown"/>.</summary>
        public static RegistrationState FromStatus(int status)
        {
            if (status < 0 || status > 5)
            {
                return RegistrationState.Unknown;
            }

            return (RegistrationState)status;
        }
    }
}
