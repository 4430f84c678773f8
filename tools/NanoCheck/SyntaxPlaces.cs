using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CellularIot.NanoCheck;

/// <summary>Violations placed by a syntax location, for the source rules.</summary>
internal static class SyntaxPlaces
{
    public static Violation At(Location location, string member, string message)
    {
        var span = location.GetLineSpan();
        return new Violation(span.Path, span.StartLinePosition.Line + 1, member, message);
    }

    /// <summary>The declaring type and member, e.g. "TopicRules.CheckTopic".</summary>
    public static string NameOf(MemberDeclarationSyntax member)
    {
        string name = member switch
        {
            BaseTypeDeclarationSyntax type => type.Identifier.Text,
            MethodDeclarationSyntax method => method.Identifier.Text,
            PropertyDeclarationSyntax property => property.Identifier.Text,
            ConstructorDeclarationSyntax constructor => constructor.Identifier.Text,
            FieldDeclarationSyntax field => string.Join(",", field.Declaration.Variables.Select(v => v.Identifier.Text)),
            _ => string.Empty,
        };
        return member.Parent is BaseTypeDeclarationSyntax parent && member is not BaseTypeDeclarationSyntax
            ? parent.Identifier.Text + "." + name
            : name;
    }
}
