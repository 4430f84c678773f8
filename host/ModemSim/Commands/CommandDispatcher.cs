namespace CellularIot.ModemSim.Commands;

/// <summary>Finds a command's handler by name and runs it; unknown commands get ERROR, bad parameters +CME ERROR 50.</summary>
internal sealed class CommandDispatcher
{
    private readonly Dictionary<string, Action<CommandLine, CommandReply>> handlers = new(StringComparer.OrdinalIgnoreCase);

    public CommandDispatcher(IEnumerable<ICommandFamily> families)
    {
        foreach (ICommandFamily family in families)
        {
            family.Register(this);
        }
    }

    public void Add(string name, Action<CommandLine, CommandReply> handler) => handlers.Add(name, handler);

    public void Execute(CommandLine command, CommandReply reply)
    {
        if (!handlers.TryGetValue(command.Name, out Action<CommandLine, CommandReply>? handler))
        {
            reply.Error();
            return;
        }

        try
        {
            handler(command, reply);
        }
        catch (CommandArgumentException)
        {
            reply.Cme(CmeError.IncorrectParameters);
        }
    }
}
