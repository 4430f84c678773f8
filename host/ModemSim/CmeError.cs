using System.Globalization;

namespace CellularIot.ModemSim;

/// <summary>The +CME ERROR codes (3GPP TS 27.007) the simulated module reports, with their verbose texts.</summary>
public static class CmeError
{
    /// <summary>3: the command is not allowed in the current state (socket not open, file system not initialised).</summary>
    public const int OperationNotAllowed = 3;

    /// <summary>4: the firmware variant does not support it (ALPN on the standard profile).</summary>
    public const int OperationNotSupported = 4;

    /// <summary>10: no SIM.</summary>
    public const int SimNotInserted = 10;

    /// <summary>14: the SIM is still being read after a boot.</summary>
    public const int SimBusy = 14;

    /// <summary>22: no such file.</summary>
    public const int NotFound = 22;

    /// <summary>30: not registered.</summary>
    public const int NoNetworkService = 30;

    /// <summary>50: a parameter is missing, malformed or out of range.</summary>
    public const int IncorrectParameters = 50;

    /// <summary>405: Quectel's "file not found" (FILE AT Commands Manual, error codes).</summary>
    public const int FileNotFound = 405;

    /// <summary>407: Quectel's "file already existed".</summary>
    public const int FileExists = 407;

    /// <summary>100: anything else.</summary>
    public const int Unknown = 100;

    /// <summary>The verbose text of <paramref name="code"/> (AT+CMEE=2), "unknown" for codes without one.</summary>
    public static string Text(int code) => code switch
    {
        OperationNotAllowed => "operation not allowed",
        OperationNotSupported => "operation not supported",
        SimNotInserted => "SIM not inserted",
        13 => "SIM failure",
        SimBusy => "SIM busy",
        NotFound => "not found",
        NoNetworkService => "no network service",
        IncorrectParameters => "incorrect parameters",
        FileNotFound => "file not found",
        FileExists => "file already existed",
        _ => "unknown",
    };

    /// <summary>The final result line for <paramref name="code"/> under AT+CMEE=<paramref name="mode"/>.</summary>
    public static string Format(int code, int mode) => mode switch
    {
        1 => string.Create(CultureInfo.InvariantCulture, $"+CME ERROR: {code}"),
        2 => "+CME ERROR: " + Text(code),
        _ => "ERROR",
    };
}
