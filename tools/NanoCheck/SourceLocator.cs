using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using Microsoft.CodeAnalysis;

namespace CellularIot.NanoCheck;

/// <summary>Finds the file and line of a type, field or IL offset, from the PDB and the Roslyn compilation.</summary>
internal sealed class SourceLocator : IDisposable
{
    private readonly MetadataReaderProvider pdbProvider;
    private readonly MetadataReader pdb;
    private readonly Compilation compilation;

    public SourceLocator(CompiledAssembly assembly)
    {
        pdbProvider = MetadataReaderProvider.FromPortablePdbImage(System.Collections.Immutable.ImmutableArray.Create(assembly.Pdb));
        pdb = pdbProvider.GetMetadataReader();
        compilation = assembly.Compilation;
    }

    /// <summary>The statement holding the IL at <paramref name="ilOffset"/>: the last sequence point at or before it.</summary>
    public (string File, int Line) OfMethod(MethodDefinitionHandle method, int ilOffset)
    {
        SequencePoint? best = null;
        foreach (var point in pdb.GetMethodDebugInformation(method.ToDebugInformationHandle()).GetSequencePoints())
        {
            if (!point.IsHidden && (best is null || point.Offset <= ilOffset))
            {
                best = point;
            }
        }

        return Place(best);
    }

    /// <summary>The first statement from <paramref name="ilOffset"/> on; a filter block starts with hidden IL.</summary>
    public (string File, int Line) OfMethodFrom(MethodDefinitionHandle method, int ilOffset)
    {
        var points = pdb.GetMethodDebugInformation(method.ToDebugInformationHandle()).GetSequencePoints().Where(p => !p.IsHidden).ToList();
        return points.Any(p => p.Offset >= ilOffset) ? Place(points.First(p => p.Offset >= ilOffset)) : OfMethod(method, ilOffset);
    }

    private (string File, int Line) Place(SequencePoint? best)
    {
        return best is { } found ? (pdb.GetString(pdb.GetDocument(found.Document).Name), found.StartLine) : (string.Empty, 0);
    }

    public (string File, int Line) OfType(string metadataName, string? memberName = null)
    {
        var type = compilation.GetTypeByMetadataName(metadataName);
        // Compiler-generated nested types (lambda closures, iterators) have no symbol: use their source type.
        for (string name = metadataName; type is null && name.Contains('+', StringComparison.Ordinal);)
        {
            name = name[..name.LastIndexOf('+')];
            type = compilation.GetTypeByMetadataName(name);
        }

        ISymbol? symbol = memberName is null ? type : type?.GetMembers(memberName).FirstOrDefault();
        var location = (symbol ?? type)?.Locations.FirstOrDefault(l => l.IsInSource);
        if (location is null)
        {
            return (string.Empty, 0);
        }

        var span = location.GetLineSpan();
        return (span.Path, span.StartLinePosition.Line + 1);
    }

    public void Dispose() => pdbProvider.Dispose();
}
