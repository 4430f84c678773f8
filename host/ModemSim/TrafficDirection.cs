namespace CellularIot.ModemSim;

/// <summary>Which way bytes went on the AT link.</summary>
public enum TrafficDirection
{
    /// <summary>From the firmware to the module: command lines and raw data.</summary>
    ToModem,

    /// <summary>From the module to the firmware: echo, responses, prompts, URCs.</summary>
    FromModem,
}
