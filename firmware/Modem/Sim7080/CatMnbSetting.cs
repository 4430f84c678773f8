namespace CellularIot.Modem.Sim7080
{
    /// <summary>The SIM7080G's AT+CMNB values (preferred LTE mode): 1 Cat-M, 2 NB-IoT, 3 both.</summary>
    internal static class CatMnbSetting
    {
        public static int ValueOf(RadioMode mode)
        {
            switch (mode)
            {
                case RadioMode.NbIot:
                    return 2;
                case RadioMode.Both:
                    return 3;
                default:
                    return 1;
            }
        }
    }
}
