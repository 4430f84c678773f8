namespace CellularIot.Tests.Modem
{
    using CellularIot.Tests.At;

    /// <summary>
    /// What every scripted module answers alike: the probe, echo off, error reporting and the 3GPP queries of a
    /// healthy 1NCE SIM registered roaming; and the reading of a command's parameters that the scripts' answers share.
    /// </summary>
    public static class ThreeGppScript
    {
        public const string Iccid = "89882280666012345678";

        private const string Ok = "\r\nOK\r\n";

        /// <summary>The answers every module gives alike; a module's own script adds its dialect after them (later rules win).</summary>
        public static void Install(ScriptedLink link, string imei)
        {
            link.On("AT", Ok);
            link.On("ATE0", (l, c) =>
            {
                l.Echo = false;
                l.Inject(Ok);
            });
            link.On("AT+CMEE=2", Ok);
            link.On("AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n");
            link.On("AT+CGSN", "\r\n" + imei + "\r\n\r\nOK\r\n");
            link.On("AT+CEREG=1", Ok);
            link.On("AT+CEREG?", "\r\n+CEREG: 1,5\r\n\r\nOK\r\n");
            link.On("AT+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
        }

        /// <summary>Field <paramref name="index"/> of a command's parameters: "AT+CASEND=0,5" has "0" and "5".</summary>
        public static string Field(string command, int index)
        {
            string[] fields = command.Substring(command.IndexOf('=') + 1).Split(',');
            return fields[index];
        }
    }
}
