namespace CellularIot.NanoCheck;

/// <summary>A C# source to compile: its path (used in every message) and its text.</summary>
public sealed record SourceFile(string Path, string Text)
{
    /// <summary>Reads a file from disk.</summary>
    public static SourceFile Load(string path) => new(path, File.ReadAllText(path));
}
