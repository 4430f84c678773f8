namespace CellularIot.Tests.Modem
{
    using CellularIot.Tests.At;

    /// <summary>A healthy SIM7080G on a 1NCE SIM, as the dialect file describes it, for the scripted peer.</summary>
    public static class Sim7080Script
    {
        public const string Iccid = ThreeGppScript.Iccid;
        public const string Imei = "861234567890123";
        public const string Boot = "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\nSMS Ready\r\n";

        private const string Ok = "\r\nOK\r\n";

        public static void Install(ScriptedLink link)
        {
            ThreeGppScript.Install(link, Imei);
            link.On("AT+CLTS=1", Ok);
            link.On("AT+CMEE=2;+CLTS=1;+CEREG=1", Ok);
            link.On("AT+CCLK?", "\r\n+CCLK: \"24/03/05,10:20:30+08\"\r\n\r\nOK\r\n");
            link.On("AT+CCID", "\r\n" + Iccid + "\r\n\r\nOK\r\n");
            link.On("AT+CGMR", "\r\nRevision:1951B17SIM7080\r\n\r\nOK\r\n");
            link.On("AT+CNMP=38", Ok);
            link.On("AT+CMNB=*", Ok);
            link.On("AT+CGDCONT=*", Ok);
            link.On("AT+CNMP=38;+CMNB=*", Ok);
            link.On("AT+CNCFG=*", Ok);
            link.On("AT+CNACT?", "\r\n+CNACT: 0,1,\"10.1.2.3\"\r\n+CNACT: 1,0,\"0.0.0.0\"\r\n+CNACT: 2,0,\"0.0.0.0\"\r\n+CNACT: 3,0,\"0.0.0.0\"\r\n\r\nOK\r\n");
            link.On("AT+CSSLCFG=\"sslversion\"*", Ok);
            link.On("AT+CSSLCFG=\"sni\"*", Ok);
            link.On("AT+CSSLCFG=\"convert\"*", Ok);
            link.On("AT+CSSLCFG=\"alpn\"*", "\r\n+CME ERROR: operation not supported\r\n");
            link.On("AT+CASSLCFG=*", Ok);
            link.On("AT+CAOPEN=*", (l, c) => l.Inject("\r\nOK\r\n\r\n+CAOPEN: " + ThreeGppScript.Field(c, 0) + ",0\r\n"));
            link.On("AT+CASEND=*", (l, c) =>
            {
                l.Inject("\r\n> ");
                l.ExpectPayload(int.Parse(ThreeGppScript.Field(c, 1)), Ok);
            });
            link.On("AT+CARECV=*", "\r\n+CARECV: 0\r\n\r\nOK\r\n");
            link.On("AT+CACLOSE=*", Ok);
            link.On("AT+CFSINIT", Ok);
            link.On("AT+CFSTERM", Ok);
            link.On("AT+CFSGFIS=*", "\r\n+CME ERROR: file not exist\r\n");
            link.On("AT+CFSWFILE=*", (l, c) =>
            {
                l.Inject("\r\nDOWNLOAD\r\n");
                l.ExpectPayload(int.Parse(ThreeGppScript.Field(c, 3)), Ok);
            });
        }
    }
}
