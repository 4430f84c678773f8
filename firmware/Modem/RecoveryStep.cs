namespace CellularIot.Modem
{
    /// <summary>The rung of the recovery ladder that brought the modem back.</summary>
    public enum RecoveryStep
    {
        /// <summary>It answered an AT probe; nothing was reset.</summary>
        AtProbe = 1,

        /// <summary>A software reset (AT+CFUN=1,1) and a new bring-up.</summary>
        SoftReset = 2,

        /// <summary>A PWRKEY power cycle and a new bring-up.</summary>
        PowerCycle = 3,
    }
}
