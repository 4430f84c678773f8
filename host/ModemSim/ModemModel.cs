namespace CellularIot.ModemSim;

/// <summary>Which module the simulator plays, byte for byte: its commands, URCs, boot lines and result codes.</summary>
public enum ModemModel
{
    /// <summary>SIMCom SIM7080G (CA sockets, CFS files, +APP PDP).</summary>
    Sim7080,

    /// <summary>Quectel BG95-M3 (SSL sockets, UFS files, +QSSLURC, APP RDY).</summary>
    Bg95,

    /// <summary>Quectel BG96: the BG95's dialect with its own model name and revision.</summary>
    Bg96,
}
