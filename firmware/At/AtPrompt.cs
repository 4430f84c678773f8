namespace CellularIot.At
{
    /// <summary>The prompt after which a command's payload is written raw.</summary>
    public enum AtPrompt
    {
        /// <summary>The command has no payload.</summary>
        None = 0,

        /// <summary><c>&gt;</c> (optionally followed by a space and never by a line end), as for AT+CASEND.</summary>
        Angle = 1,

        /// <summary>A <c>DOWNLOAD</c> line, as for AT+CFSWFILE.</summary>
        Download = 2,

        /// <summary>A <c>CONNECT</c> line, as for Quectel's AT+QFUPL (the module switches to data mode for the bytes).</summary>
        Connect = 3,
    }
}
