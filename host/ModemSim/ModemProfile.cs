namespace CellularIot.ModemSim;

/// <summary>
/// The firmware variant the simulated module plays. Field logs show SIM7080G firmware that differ in small ways
/// (see the dialect's variants); a driver must cope with each, so each is a switch here.
/// </summary>
public sealed record ModemProfile
{
    /// <summary>The standard firmware: no ALPN, CASEND answers OK, CARECV omits the cid.</summary>
    public static ModemProfile Standard { get; } = new();

    /// <summary>
    /// What field modules do (tests/Transcripts holds a transcript of each): noise at power-up, a SIM busy until its boot line, network
    /// time and daylight-saving lines after registration and around bare answers, both CARECV forms (alternating),
    /// reads announced longer than delivered, at most 512 bytes a read, an OK left out after some CASEND transfers, a
    /// CAOPEN result before its OK, SSL contexts 0..5, CFSWFILE input time below 10 s and +CCLK without a zone.
    /// Pair it with <see cref="ModemSimOptions.WithFieldTiming"/> for the slow boot.
    /// </summary>
    public static ModemProfile Field { get; } = new()
    {
        BootNoise = true,
        SimBusyUntilReady = true,
        NetworkTimeLines = true,
        LinesBeforeBareAnswers = true,
        AlternateReceiveForms = true,
        ShortDeliveryEvery = 5,
        MaxReceiveRequest = 512,
        MissingSendOkEvery = 4,
        OpenResultBeforeOk = true,
        SslContextLimit = 6,
        MaxFileInputTimeMs = 9999,
        ClockWithoutZone = true,
    };

    /// <summary>A firmware that accepts <c>AT+CSSLCFG="alpn",&lt;ctx&gt;,"&lt;proto&gt;"</c> and sends ALPN.</summary>
    public static ModemProfile Alpn { get; } = new() { SupportsAlpn = true };

    /// <summary>Whether <c>AT+CSSLCFG="alpn"</c> is accepted (and read back) and ALPN is offered in the handshake.</summary>
    public bool SupportsAlpn { get; init; }

    /// <summary>Whether CASEND answers <c>OK</c> followed by the URC <c>+CASEND: &lt;cid&gt;,0,&lt;len&gt;</c> (sent as the bytes go to TCP).</summary>
    public bool SendResultUrc { get; init; }

    /// <summary>Whether CARECV answers <c>+CARECV: &lt;cid&gt;,&lt;len&gt;,...</c> (the manual's form) instead of <c>+CARECV: &lt;len&gt;,...</c>.</summary>
    public bool ReceiveReportsCid { get; init; }

    /// <summary>Whether stray bytes (0x00, 0xFF, high bytes, a partial line) precede RDY at power-up.</summary>
    public bool BootNoise { get; init; }

    /// <summary>
    /// Whether the SIM is still being read until the boot's <c>+CPIN: READY</c>: AT+CPIN? answers <c>+CPIN: NOT READY</c>
    /// or <c>+CME ERROR: SIM busy</c>, AT+CCID <c>+CME ERROR: SIM busy</c>, and <c>+CPIN: NOT READY</c> is also reported.
    /// </summary>
    public bool SimBusyUntilReady { get; init; }

    /// <summary>Whether taking network time is reported with <c>*PSUTTZ: ...</c>, <c>DST: 0</c> and <c>+CTZV: ...</c> lines.</summary>
    public bool NetworkTimeLines { get; init; }

    /// <summary>Whether the bare answers (CCID, CGSN, CGMR) come after an unsolicited line without '+' (DST, *PSUTTZ).</summary>
    public bool LinesBeforeBareAnswers { get; init; }

    /// <summary>Whether CARECV alternates between the forms with and without the cid (two firmware builds in one).</summary>
    public bool AlternateReceiveForms { get; init; }

    /// <summary>Every n-th CARECV that delivers data announces more bytes than it delivers (0: never).</summary>
    public int ShortDeliveryEvery { get; init; }

    /// <summary>The largest CARECV request served; a larger one is answered ERROR.</summary>
    public int MaxReceiveRequest { get; init; } = 1460;

    /// <summary>Every n-th CASEND leaves out its OK after the bytes (0: never).</summary>
    public int MissingSendOkEvery { get; init; }

    /// <summary>Whether CAOPEN holds back its OK until the connection's result, which then comes first.</summary>
    public bool OpenResultBeforeOk { get; init; }

    /// <summary>SSL contexts that exist (AT+CSSLCFG and CRINDEX beyond them are ERROR).</summary>
    public int SslContextLimit { get; init; } = 12;

    /// <summary>The longest CFSWFILE input time accepted, in ms.</summary>
    public int MaxFileInputTimeMs { get; init; } = 10000;

    /// <summary>Whether +CCLK answers without the time zone (the time is then UTC).</summary>
    public bool ClockWithoutZone { get; init; }

    /// <summary>The bytes CASEND prompts with before the raw data; the module sends "\r\n&gt; ", some logs show a bare "&gt;".</summary>
    public string SendPrompt { get; init; } = "\r\n> ";
}
