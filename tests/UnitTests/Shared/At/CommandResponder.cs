namespace CellularIot.Tests.At
{
    /// <summary>Answers one command the scripted peer received.</summary>
    public delegate void CommandResponder(ScriptedLink link, string command);
}
