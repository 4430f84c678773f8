using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CellularIot.NanoCheck;

/// <summary>
/// Keeps modem drivers behind <c>IModem</c>: the types of a folder below Modem (a driver such as
/// CellularIot.Modem.Sim7080, or the common 3GPP layer CellularIot.Modem.ThreeGpp) are named only inside that
/// folder, by the Board edge, which chooses the modem, and (for the common layer) by the drivers. The generic
/// Modem folder, Net, Cloud and App see the modem only through its interfaces, so a second driver changes none
/// of them.
/// </summary>
public static class DriverRule
{
    private const string Root = "CellularIot";
    private const string Modem = "Modem";
    private const string Board = "Board";

    // Folders below Modem that every driver may use.
    private static readonly HashSet<string> SharedByDrivers = new(StringComparer.Ordinal) { "ThreeGpp" };

    /// <summary>Every use, in <paramref name="compilation"/>, of a modem folder's type from outside where it may be named.</summary>
    public static IEnumerable<Violation> Inspect(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (name.Parent is QualifiedNameSyntax { Right: var right } && right != name)
                {
                    continue;
                }

                var used = model.GetSymbolInfo(name).Symbol switch
                {
                    INamedTypeSymbol type => type.ContainingNamespace,
                    IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => constructor.ContainingType.ContainingNamespace,
                    _ => null,
                };
                string? folder = ModemFolderOf(used);
                // In a type's base list the enclosing symbol is the namespace the type is declared in.
                var enclosing = model.GetEnclosingSymbol(name.SpanStart);
                var user = enclosing as INamespaceSymbol ?? enclosing?.ContainingNamespace;
                if (folder is null || MayUse(user, folder) || !seen.Add(folder + name.Identifier.Text))
                {
                    continue;
                }

                string member = name.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } m ? SyntaxPlaces.NameOf(m) : string.Empty;
                yield return SyntaxPlaces.At(name.GetLocation(), member,
                    $"{Display(user)} uses {name.Identifier.Text} from Modem/{folder}: outside the modem drivers only Board names a driver's types; the rest sees IModem");
            }
        }
    }

    /// <summary>The folder below Modem that <paramref name="space"/> is in (Sim7080 for CellularIot.Modem.Sim7080), or null.</summary>
    public static string? ModemFolderOf(INamespaceSymbol? space)
    {
        var parts = Parts(space);
        return parts.Count >= 3 && parts[0] == Root && parts[1] == Modem ? parts[2] : null;
    }

    private static bool MayUse(INamespaceSymbol? user, string folder)
    {
        var parts = Parts(user);
        if (parts.Count < 2 || parts[0] != Root)
        {
            // Not firmware code (a test, say): not this rule's business.
            return true;
        }

        string? userFolder = ModemFolderOf(user);
        return parts[1] == Board || userFolder == folder || (userFolder is not null && SharedByDrivers.Contains(folder));
    }

    private static string Display(INamespaceSymbol? space) => string.Join(".", Parts(space));

    private static List<string> Parts(INamespaceSymbol? space)
    {
        var parts = new List<string>();
        for (var s = space; s is { IsGlobalNamespace: false }; s = s.ContainingNamespace)
        {
            parts.Insert(0, s.Name);
        }

        return parts;
    }
}
