namespace CellularIot.NanoCheck;

/// <summary>One thing the nanoFramework 1.x runtime cannot run, with where it stands in the sources.</summary>
/// <param name="File">Source file, as given to the compiler; empty when unknown.</param>
/// <param name="Line">One-based line, or 0 when unknown.</param>
/// <param name="Member">The type or member that holds it; empty for compile errors.</param>
/// <param name="Message">What is wrong and why the device cannot run it.</param>
public sealed record Violation(string File, int Line, string Member, string Message)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        string place = Line > 0 ? $"{File}({Line})" : File;
        string member = Member.Length > 0 ? $" {Member}:" : string.Empty;
        return $"{place}:{member} {Message}";
    }
}
