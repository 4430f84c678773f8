namespace CellularIot.Modem.Quectel
{
    /// <summary>
    /// The BG95/BG96 AT+QCFG="iotopmode" values (AT Commands Manual, AT+QCFG "iotopmode"): 0 LTE Cat-M1,
    /// 1 LTE Cat-NB1, 2 both.
    /// </summary>
    internal static class QuectelRadio
    {
        public static int IotOpModeOf(RadioMode mode)
        {
            switch (mode)
            {
                case RadioMode.NbIot:
                    return 1;
                case RadioMode.Both:
                    return 2;
                default:
                    return 0;
            }
        }
    }
}
