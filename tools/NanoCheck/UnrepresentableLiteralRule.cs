using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CellularIot.NanoCheck;

/// <summary>
/// Refuses string and char literals a nanoFramework string cannot hold: U+0000 (nanoCLR's strings end at the
/// first zero) and UTF-16 surrogates (a surrogate pair or a lone surrogate in a literal does not survive the
/// assembly's string table; seen on nanoCLR, while a pair decoded from UTF-8 at run time does), so
/// code or a test that builds one behaves differently on the device. Bytes with the value 0 are written as
/// numbers; a char compared with 0 is written as <c>(char)0</c>; such texts are tested in the host suites.
/// </summary>
public static class UnrepresentableLiteralRule
{
    /// <summary>Every literal in <paramref name="compilation"/> that holds U+0000 or a surrogate.</summary>
    public static IEnumerable<Violation> Inspect(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                bool literal = token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.CharacterLiteralToken)
                    || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                    || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);
                if (!literal)
                {
                    continue;
                }

                if (token.ValueText.Contains('\0', StringComparison.Ordinal))
                {
                    yield return SyntaxPlaces.At(token.GetLocation(), Member(token),
                        "a literal holds U+0000, which a nanoFramework string cannot hold; build such bytes as numbers");
                }
                else if (token.ValueText.Any(char.IsSurrogate))
                {
                    yield return SyntaxPlaces.At(token.GetLocation(), Member(token),
                        "a literal holds a UTF-16 surrogate, which a nanoFramework string cannot hold; test such text in a host suite");
                }
            }
        }
    }

    private static string Member(SyntaxToken token)
        => token.Parent?.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member ? SyntaxPlaces.NameOf(member) : string.Empty;
}
