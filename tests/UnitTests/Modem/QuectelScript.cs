namespace CellularIot.Tests.Modem
{
    using CellularIot.Tests.At;

    /// <summary>A healthy Quectel BG95-M3 on a 1NCE SIM, as its AT manuals describe it, for the scripted peer.</summary>
    public static class QuectelScript
    {
        public const string Iccid = ThreeGppScript.Iccid;
        public const string Imei = "866123456789012";
        public const string Revision = "BG95M3LAR02A03";
        public const string Boot = "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\n+QUSIM: 1\r\n\r\n+QIND: SMS DONE\r\n\r\nAPP RDY\r\n";

        /// <summary>The settings line of SSL context 0 for a socket that verifies against ca.pem with SNI.</summary>
        public const string SslSettings = "AT+QSSLCFG=\"sslversion\",0,3;+QSSLCFG=\"seclevel\",0,1;+QSSLCFG=\"cacert\",0,\"UFS:ca.pem\";+QSSLCFG=\"sni\",0,1";

        private const string Ok = "\r\nOK\r\n";

        public static void Install(ScriptedLink link)
        {
            ThreeGppScript.Install(link, Imei);
            link.On("AT+QCCID", "\r\n+QCCID: " + Iccid + "\r\n\r\nOK\r\n");
            link.On("AT+CGMR", "\r\n" + Revision + "\r\n\r\nOK\r\n");
            link.On("AT+QCFG=*", Ok);
            link.On("AT+QICSGP=*", Ok);
            link.On("AT+CMEE=2;+CEREG=1;+QCFG=*", Ok);
            link.On("AT+QLTS=2", "\r\n+QLTS: \"2024/03/05,10:20:30+08,0\"\r\n\r\nOK\r\n");
            link.On("AT+QIACT?", "\r\n+QIACT: 1,1,1,\"10.1.2.3\"\r\n\r\nOK\r\n");
            link.On("AT+QIACT=1", Ok);
            link.On("AT+QSSLCFG=*", Ok);
            link.On("AT+QSSLCFG=\"alpn\"*", "\r\n+CME ERROR: invalid parameters\r\n");
            link.On("AT+QSSLOPEN=*", (l, c) => l.Inject("\r\nOK\r\n\r\n+QSSLOPEN: " + ThreeGppScript.Field(c, 2) + ",0\r\n"));
            link.On("AT+QSSLSEND=*", (l, c) =>
            {
                l.Inject("\r\n> ");
                l.ExpectPayload(int.Parse(ThreeGppScript.Field(c, 1)), "\r\nSEND OK\r\n");
            });
            link.On("AT+QSSLRECV=*", "\r\n+QSSLRECV: 0\r\n\r\nOK\r\n");
            link.On("AT+QSSLCLOSE=*", Ok);
            link.On("AT+QFLST=*", Ok);
            link.On("AT+QFDEL=*", Ok);
        }

        /// <summary>A firmware whose AT+QSSLCFG takes "alpn" and reads it back (set and read on one line answer what was set).</summary>
        public static void AcceptAlpn(ScriptedLink link)
        {
            link.On("AT+QSSLCFG=\"alpn\"*", (l, c) =>
            {
                int read = c.IndexOf(';');
                if (read < 0)
                {
                    l.Inject(Ok);
                    return;
                }

                int start = c.IndexOf('=') + 1;
                string[] fields = c.Substring(start, read - start).Split(',');
                l.Inject("\r\n+QSSLCFG: \"alpn\"," + fields[1] + "," + fields[2] + "\r\n\r\nOK\r\n");
            });
        }
    }
}
