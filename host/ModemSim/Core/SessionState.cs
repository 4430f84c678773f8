namespace CellularIot.ModemSim.Core;

/// <summary>
/// The settings a module forgets at every boot: echo, error mode, URC modes, radio settings, SSL contexts and
/// socket settings. (Files, converted certificates and the SIM survive; they live elsewhere.)
/// </summary>
internal sealed class SessionState
{
    // One SSL context per connection id, so that the default context of a socket (its own cid) always exists.
    public const int SslContextCount = 12;
    public const int SocketCount = 12;

    public SessionState()
    {
        for (int i = 0; i < SslContextCount; i++)
        {
            SslContexts.Add(new SslContextConfig());
        }

        for (int i = 0; i < SocketCount; i++)
        {
            Sockets.Add(new SocketConfig());
        }
    }

    /// <summary>Echo is on after every boot, off after ATE0.</summary>
    public bool Echo { get; set; } = true;

    /// <summary>AT+CMEE mode: 0 plain ERROR, 1 numeric, 2 verbose.</summary>
    public int Cmee { get; set; }

    /// <summary>AT+CEREG mode: 0 no URC, 1 stat URC, 2 stat with location.</summary>
    public int CeregMode { get; set; }

    /// <summary>AT+CLTS: whether network time sets the clock.</summary>
    public bool Clts { get; set; }

    /// <summary>Whether the SIM has been read since boot (always, unless the profile makes it busy until its boot line).</summary>
    public bool SimReady { get; set; } = true;

    /// <summary>Answers given since boot, for the profile's every-n-th variants (CARECV form and delivery, CASEND's OK).</summary>
    public int ReceiveCount { get; set; }

    /// <summary>CASEND transfers since boot.</summary>
    public int SendCount { get; set; }

    /// <summary>AT+CPIN? asked while the SIM was busy, to alternate its two busy answers.</summary>
    public int SimQueryCount { get; set; }

    /// <summary>Bare answers given since boot, to vary the line the field profile puts before them.</summary>
    public int BareAnswerCount { get; set; }

    /// <summary>Whether the network time has been taken since boot.</summary>
    public bool ClockSynced { get; set; }

    /// <summary>Between AT+CFSINIT and AT+CFSTERM.</summary>
    public bool FileSystemOpen { get; set; }

    /// <summary>AT+CFUN level: 1 full, 0 or 4 radio off.</summary>
    public int Cfun { get; set; } = 1;

    /// <summary>AT+CNMP: 2 automatic, 13 GSM, 38 LTE, 51 GSM and LTE.</summary>
    public int NetworkMode { get; set; } = 2;

    /// <summary>AT+CMNB: 1 Cat-M, 2 NB-IoT, 3 both.</summary>
    public int CatMode { get; set; } = 3;

    /// <summary>The APN given with AT+CNCFG or AT+CGDCONT.</summary>
    public string Apn { get; set; } = string.Empty;

    public List<SslContextConfig> SslContexts { get; } = [];

    public List<SocketConfig> Sockets { get; } = [];
}
