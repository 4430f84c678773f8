namespace CellularIot.App.Config
{
    /// <summary>
    /// Which modem driver the board runs (device.conf <c>modem</c>). The choice is a name only: the Board layer maps it
    /// to a driver factory, so nothing above the Modem layer depends on a driver.
    /// </summary>
    public enum ModemChoice
    {
        /// <summary>The board preset's modem (the default when device.conf says nothing).</summary>
        Board = 0,

        /// <summary>SIMCom SIM7080G.</summary>
        Sim7080 = 1,

        /// <summary>Quectel BG95.</summary>
        Bg95 = 2,

        /// <summary>Quectel BG96 (the BG95's dialect).</summary>
        Bg96 = 3,

        /// <summary>Asks the module (AT+CGMM) at start-up and runs the driver of the family that answers.</summary>
        Auto = 4,
    }
}
