namespace CellularIot.ModemSim.Commands;

/// <summary>The four forms of an AT command.</summary>
internal enum CommandForm
{
    /// <summary><c>AT+X</c> (and basic commands such as <c>ATE0</c>).</summary>
    Execute,

    /// <summary><c>AT+X?</c>.</summary>
    Read,

    /// <summary><c>AT+X=?</c>.</summary>
    Test,

    /// <summary><c>AT+X=...</c>.</summary>
    Set,
}
