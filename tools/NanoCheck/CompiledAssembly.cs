using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CellularIot.NanoCheck;

/// <summary>The result of compiling one assembly for nanoFramework: its image and PDB, or its errors.</summary>
public sealed class CompiledAssembly
{
    internal CompiledAssembly(CSharpCompilation compilation, byte[] image, byte[] pdb, IReadOnlyList<Violation> errors)
    {
        Compilation = compilation;
        Image = image;
        Pdb = pdb;
        Errors = errors;
    }

    /// <summary>The Roslyn compilation, kept to locate types and fields in the sources.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>The PE image; empty when the sources did not compile.</summary>
    public byte[] Image { get; }

    /// <summary>The portable PDB that maps IL back to source lines.</summary>
    public byte[] Pdb { get; }

    /// <summary>Compiler errors, each naming its file and line.</summary>
    public IReadOnlyList<Violation> Errors { get; }

    /// <summary>True when the sources compiled.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>A reference to this assembly for the compilations that build on it.</summary>
    public MetadataReference ToReference() => MetadataReference.CreateFromImage(Image);
}
