namespace CellularIot.ModemSim;

/// <summary>Where the simulated module is in its power cycle.</summary>
public enum PowerState
{
    /// <summary>Powered down: silent, and it ignores every byte it is sent.</summary>
    Off,

    /// <summary>Powered up but not yet ready: silent until it prints <c>RDY</c>.</summary>
    Booting,

    /// <summary>Running: answers commands and reports URCs.</summary>
    On,
}
