using Microsoft.CodeAnalysis;

namespace CellularIot.NanoCheck;

/// <summary>
/// What nanoFramework's UnitTestLauncher (source/UnitTestLauncher/Program.cs in
/// nanoframework/nanoFramework.TestFramework) needs of a test class: it finds methods with
/// <c>type.GetMethods()</c> (public only), calls each with <c>method.Invoke(null, ...)</c> (no instance, so
/// instance fields throw NullReferenceException), and its runtime reads [DataRow] arguments of numbers,
/// strings, bool and char only (any other stops the launcher silently, and no class after it reports).
/// </summary>
public static class TestClassRules
{
    private const string TestFramework = "nanoFramework.TestFramework.";

    private static readonly string[] MethodAttributes = ["TestMethodAttribute", "DataRowAttribute", "SetupAttribute", "CleanupAttribute"];

    /// <summary>Every way a test class of <paramref name="compilation"/> would misbehave under the real launcher.</summary>
    public static IEnumerable<Violation> Inspect(Compilation compilation)
    {
        var classes = compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.GetAttributes().Any(a => Is(a, "TestClassAttribute")))
            .OrderBy(t => t.ToDisplayString(), StringComparer.Ordinal);
        foreach (var type in classes)
        {
            foreach (var field in type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst))
            {
                ISymbol owner = field.AssociatedSymbol ?? field;
                yield return At(owner, type.Name + "." + owner.Name,
                    "instance state in a test class: the launcher calls test methods with no instance; keep it in a static field reset in [Setup]");
            }

            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                var attributes = method.GetAttributes().Where(a => MethodAttributes.Any(name => Is(a, name))).ToList();
                if (attributes.Count > 0 && method.DeclaredAccessibility != Accessibility.Public)
                {
                    yield return At(method, type.Name + "." + method.Name,
                        "not public: the launcher sees public methods only, so this never runs on the device");
                }

                foreach (var row in attributes.Where(a => Is(a, "DataRowAttribute")))
                {
                    foreach (var value in row.ConstructorArguments.SelectMany(a => a.Kind == TypedConstantKind.Array ? a.Values : [a]))
                    {
                        if (!Supported(value))
                        {
                            string what = value.IsNull ? "null" : value.Type?.ToDisplayString() ?? "unknown";
                            yield return At(method, type.Name + "." + method.Name,
                                $"[DataRow] passes a {what} argument: the device's launcher takes only numbers, strings, bool and char, and stops silently at any other");
                        }
                    }
                }
            }
        }
    }

    private static bool Supported(TypedConstant value)
    {
        if (value.IsNull || value.Kind != TypedConstantKind.Primitive || value.Type is null)
        {
            return false;
        }

        return value.Type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Char
            or SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
            or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
            or SpecialType.System_Single or SpecialType.System_Double;
    }

    private static bool Is(AttributeData attribute, string name) => attribute.AttributeClass?.ToDisplayString() == TestFramework + name;

    private static Violation At(ISymbol symbol, string member, string message)
    {
        var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
        return location is null ? new Violation(string.Empty, 0, member, message) : SyntaxPlaces.At(location, member, message);
    }
}
