namespace CellularIot.ModemSim.Core;

/// <summary>An injected +CME ERROR: commands starting with <see cref="Prefix"/> fail <see cref="Remaining"/> more times (negative: until cleared).</summary>
internal sealed class CommandFailure(string prefix, int code, int remaining)
{
    public string Prefix { get; } = prefix;

    public int Code { get; } = code;

    public int Remaining { get; set; } = remaining;
}
