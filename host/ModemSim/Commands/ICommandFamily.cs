namespace CellularIot.ModemSim.Commands;

/// <summary>A group of related commands (one handler class per family), registered by name.</summary>
internal interface ICommandFamily
{
    void Register(CommandDispatcher dispatcher);
}
