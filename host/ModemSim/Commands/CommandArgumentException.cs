namespace CellularIot.ModemSim.Commands;

/// <summary>A command's parameters are missing, malformed or out of range: answered +CME ERROR 50.</summary>
internal sealed class CommandArgumentException : Exception
{
    public CommandArgumentException()
    {
    }

    public CommandArgumentException(string message)
        : base(message)
    {
    }

    public CommandArgumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
