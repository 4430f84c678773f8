namespace CellularIot.Modem
{
    /// <summary>Which LTE flavours the modem may use.</summary>
    public enum RadioMode
    {
        /// <summary>LTE Cat-M1 only.</summary>
        CatM,

        /// <summary>NB-IoT only.</summary>
        NbIot,

        /// <summary>Cat-M1 and NB-IoT.</summary>
        Both,
    }
}
