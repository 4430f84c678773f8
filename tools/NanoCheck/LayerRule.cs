using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CellularIot.NanoCheck;

/// <summary>
/// Keeps the firmware's dependencies pointing down: a type in one layer may use types of its own layer and of
/// the layers below, never above. Layers, lowest first: the foundation (Bytes, Text, Storage, Support), At,
/// Modem, Net, Cloud, App, and the Board edge. The layer is the namespace's second part (CellularIot.Cloud.Mqtt
/// is Cloud).
/// </summary>
public static class LayerRule
{
    private const string Root = "CellularIot";

    // Each layer with its rank; layers of one rank (the foundation) may use each other.
    private static readonly Dictionary<string, int> Ranks = new(StringComparer.Ordinal)
    {
        ["Bytes"] = 0,
        ["Text"] = 0,
        ["Storage"] = 0,
        ["Support"] = 0,
        ["At"] = 1,
        ["Modem"] = 2,
        ["Net"] = 3,
        ["Cloud"] = 4,
        ["App"] = 5,
        ["Board"] = 6,
    };

    /// <summary>Every use, in <paramref name="compilation"/>, of a type from a higher layer.</summary>
    public static IEnumerable<Violation> Inspect(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var seen = new HashSet<(string, string)>();
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name.Parent is QualifiedNameSyntax { Right: var right } && right != name)
                {
                    continue;
                }

                var user = model.GetEnclosingSymbol(name.SpanStart)?.ContainingNamespace;
                var used = model.GetSymbolInfo(name).Symbol switch
                {
                    INamedTypeSymbol type => type.ContainingNamespace,
                    IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => constructor.ContainingType.ContainingNamespace,
                    _ => null,
                };
                string? from = LayerOf(user);
                string? to = LayerOf(used);
                if (from is null || to is null || Ranks[to] <= Ranks[from] || !seen.Add((from, to + name.Identifier.Text)))
                {
                    continue;
                }

                string member = name.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } m ? SyntaxPlaces.NameOf(m) : string.Empty;
                yield return SyntaxPlaces.At(name.GetLocation(), member,
                    $"{from} uses {name.Identifier.Text} from {to}, a layer above it (layers, lowest first: Bytes/Text/Storage/Support, At, Modem, Net, Cloud, App, Board)");
            }
        }
    }

    /// <summary>The layer of <paramref name="space"/>, or null outside the firmware's layers.</summary>
    public static string? LayerOf(INamespaceSymbol? space)
    {
        var parts = new List<string>();
        for (var s = space; s is { IsGlobalNamespace: false }; s = s.ContainingNamespace)
        {
            parts.Insert(0, s.Name);
        }

        return parts.Count >= 2 && parts[0] == Root && Ranks.ContainsKey(parts[1]) ? parts[1] : null;
    }
}
