namespace CellularIot.Tests.Modem
{
    using CellularIot.Tests.At;

    /// <summary>A healthy Quectel BG95-M3 on a 1NCE SIM, as its AT manuals describe it, for the scripted peer.</summary>
    public static class QuectelScript
    {
        public const string Iccid = "89882280666012345678";
        public const string Imei = "866123456789012";
        public const string Revision = "BG95M3LAR02A03";
        public const string Boot = "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n\r\n+QIND: SMS DONE\r\n\r\nAPP RDY\r\n";

        private const string Ok = "\r\nOK\r\n";

        public static void Install(ScriptedLink link)
        {
            link.On("AT", Ok);
            link.On("ATE0", (l, c) =>
            {
                l.Echo = false;
                l.Inject(Ok);
            });
            link.On("AT+CMEE=2", Ok);
            link.On("AT+CPIN?", "\r\n+CPIN: READY\r\n\r\nOK\r\n");
            link.On("AT+QCCID", "\r\n+QCCID: " + Iccid + "\r\n\r\nOK\r\n");
            link.On("AT+CGSN", "\r\n" + Imei + "\r\n\r\nOK\r\n");
            link.On("AT+CGMR", "\r\n" + Revision + "\r\n\r\nOK\r\n");
            link.On("AT+QCFG=*", Ok);
            link.On("AT+QICSGP=*", Ok);
            link.On("AT+CEREG=1", Ok);
            link.On("AT+CEREG?", "\r\n+CEREG: 1,5\r\n\r\nOK\r\n");
            link.On("AT+CSQ", "\r\n+CSQ: 20,99\r\n\r\nOK\r\n");
            link.On("AT+QLTS=2", "\r\n+QLTS: \"2024/03/05,10:20:30+08,0\"\r\n\r\nOK\r\n");
            link.On("AT+QIACT?", "\r\n+QIACT: 1,1,1,\"10.1.2.3\"\r\n\r\nOK\r\n");
            link.On("AT+QIACT=1", Ok);
            link.On("AT+QSSLCFG=*", Ok);
            link.On("AT+QSSLCFG=\"alpn\"*", "\r\n+CME ERROR: invalid parameters\r\n");
            link.On("AT+QSSLOPEN=*", (l, c) => l.Inject("\r\nOK\r\n\r\n+QSSLOPEN: " + Sim7080Script.Field(c, 2) + ",0\r\n"));
            link.On("AT+QSSLSEND=*", (l, c) =>
            {
                l.Inject("\r\n> ");
                l.ExpectPayload(int.Parse(Sim7080Script.Field(c, 1)), "\r\nSEND OK\r\n");
            });
            link.On("AT+QSSLRECV=*", "\r\n+QSSLRECV: 0\r\n\r\nOK\r\n");
            link.On("AT+QSSLCLOSE=*", Ok);
            link.On("AT+QFLST=*", Ok);
            link.On("AT+QFDEL=*", Ok);
        }

        /// <summary>A firmware whose AT+QSSLCFG takes "alpn" and reads it back.</summary>
        public static void AcceptAlpn(ScriptedLink link)
        {
            link.On("AT+QSSLCFG=\"alpn\"*", (l, c) =>
            {
                string[] fields = c.Substring(c.IndexOf('=') + 1).Split(',');
                l.Inject(fields.Length == 3 ? Ok : "\r\n+QSSLCFG: \"alpn\"," + fields[1] + "," + Last(l) + "\r\n\r\nOK\r\n");
            });
        }

        // The protocol of the latest "alpn" write, quoted as the module echoes it.
        private static string Last(ScriptedLink link)
        {
            for (int i = link.CommandCount - 1; i >= 0; i--)
            {
                string command = link.Command(i);
                string[] fields = command.Substring(command.IndexOf('=') + 1).Split(',');
                if (command.StartsWith("AT+QSSLCFG=\"alpn\"") && fields.Length == 3)
                {
                    return fields[2];
                }
            }

            return "\"\"";
        }
    }
}
