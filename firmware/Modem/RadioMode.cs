namespace CellularIot.Modem
{
    /// <summary>Which LTE flavours the modem may use.</summary>
    public enum RadioMode
    {
        /// <summary>LTE Cat-M1 only.</summary>
        CatM = 1,

        /// <summary>NB-IoT only.</summary>
        NbIot = 2,

        /// <summary>Cat-M1 and NB-IoT.</summary>
        Both = 3,
    }
}
