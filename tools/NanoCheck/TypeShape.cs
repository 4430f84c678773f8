namespace CellularIot.NanoCheck;

/// <summary>A decoded signature type: its readable name and the first construct in it the device cannot run.</summary>
/// <param name="Name">Readable type name, for messages.</param>
/// <param name="Problem">Why the device cannot run it, or null when it can.</param>
public sealed record TypeShape(string Name, string? Problem)
{
    /// <summary>A type with nothing wrong in it.</summary>
    public static TypeShape Plain(string name) => new(name, null);

    /// <summary>A type built on <paramref name="inner"/>, inheriting its problem.</summary>
    public TypeShape Wrap(string name) => new(name, Problem);
}
