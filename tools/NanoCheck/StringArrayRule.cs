using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CellularIot.NanoCheck;

/// <summary>
/// Refuses <c>new string[n]</c> whose slots could be read before they are written. On nanoFramework the
/// slots of a new string array are not null: each reads back as an object that fails <c>== null</c> and
/// throws when used, so "no value yet" cannot be told from one. A string array is allowed with an
/// initializer, or when the statement right after its declaration is a loop that writes every slot
/// (<c>for (int i = 0; i &lt; a.Length; i++) { ... a[i] = ...; }</c>, or <c>i &lt; n</c> with the creation's own
/// size) and reads no slot.
/// </summary>
public static class StringArrayRule
{
    /// <summary>Every empty string array in <paramref name="compilation"/> that is not filled at once.</summary>
    public static IEnumerable<Violation> Inspect(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var creation in tree.GetRoot().DescendantNodes().OfType<ArrayCreationExpressionSyntax>())
            {
                if (creation.Initializer is not null || model.GetTypeInfo(creation).Type is not IArrayTypeSymbol { Rank: 1 } array
                    || array.ElementType.SpecialType != SpecialType.System_String || FilledAtOnce(creation))
                {
                    continue;
                }

                string member = creation.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } m ? SyntaxPlaces.NameOf(m) : string.Empty;
                yield return SyntaxPlaces.At(creation.GetLocation(), member,
                    "new string[n] without an initializer: on nanoFramework its slots are not null, so one read before it is written"
                    + " misbehaves; fill every slot in a for loop right after the declaration, or keep the values in named fields");
            }
        }
    }

    // string[] a = new string[n]; followed at once by for (int i = 0; i < a.Length; i++) { ... a[i] = ... }
    private static bool FilledAtOnce(ArrayCreationExpressionSyntax creation)
    {
        if (creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax declaration
            || declaration.Parent is not BlockSyntax block)
        {
            return false;
        }

        int index = block.Statements.IndexOf(declaration);
        if (index + 1 >= block.Statements.Count || block.Statements[index + 1] is not ForStatementSyntax loop
            || loop.Declaration?.Variables is not [{ Initializer.Value: LiteralExpressionSyntax { Token.ValueText: "0" } } counter])
        {
            return false;
        }

        string array = declarator.Identifier.Text;
        string i = counter.Identifier.Text;
        bool coversAll = loop.Condition is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LessThanExpression } condition
            && condition.Left is IdentifierNameSyntax { Identifier.Text: var left } && left == i
            && (condition.Right is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: var owner }, Name.Identifier.Text: "Length" }
                ? owner == array
                : creation.Type.RankSpecifiers[0].Sizes is [var size] && SyntaxFactory.AreEquivalent(size, condition.Right));
        bool writesSlot = loop.Statement.DescendantNodesAndSelf().OfType<AssignmentExpressionSyntax>().Any(assignment =>
            assignment.Left is ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: var target } } access
            && target == array && access.ArgumentList.Arguments is [{ Expression: IdentifierNameSyntax { Identifier.Text: var slot } }] && slot == i);
        bool readsSlot = loop.Statement.DescendantNodesAndSelf().OfType<ElementAccessExpressionSyntax>().Any(access =>
            access.Expression is IdentifierNameSyntax { Identifier.Text: var name } && name == array
            && !(access.Parent is AssignmentExpressionSyntax assignment && assignment.Left == access));
        return coversAll && writesSlot && !readsSlot;
    }
}
