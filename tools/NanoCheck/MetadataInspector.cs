using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CellularIot.NanoCheck;

/// <summary>
/// Reads a compiled assembly's metadata and IL and reports every construct the nanoFramework 1.x runtime
/// cannot run: generic definitions and instantiations, exception filters, multi-dimensional arrays,
/// pointers and stackalloc, and references to assemblies outside the allowed set.
/// </summary>
public static class MetadataInspector
{
    private const string NoGenerics = "nanoFramework 1.x has no generics";

    /// <summary>Inspects <paramref name="assembly"/>; <paramref name="allowedReferences"/> names the assemblies it may reference.</summary>
    public static IReadOnlyList<Violation> Inspect(CompiledAssembly assembly, IReadOnlyCollection<string> allowedReferences)
    {
        if (!assembly.Succeeded)
        {
            return assembly.Errors;
        }

        using var pe = new PEReader(assembly.Image.ToImmutableArray());
        var reader = pe.GetMetadataReader();
        using var locator = new SourceLocator(assembly);
        var provider = new ShapeProvider(reader);
        var found = new List<Violation>();

        foreach (var referenceHandle in reader.AssemblyReferences)
        {
            string name = reader.GetString(reader.GetAssemblyReference(referenceHandle).Name);
            if (!allowedReferences.Contains(name))
            {
                found.Add(new Violation(string.Empty, 0, reader.GetString(reader.GetAssemblyDefinition().Name),
                    $"references assembly '{name}'; it may reference only {string.Join(", ", allowedReferences)}"));
            }
        }

        foreach (var typeHandle in reader.TypeDefinitions)
        {
            InspectType(reader, pe, provider, locator, typeHandle, found);
        }

        return found.Distinct().ToList();
    }

    private static void InspectType(MetadataReader reader, PEReader pe, ShapeProvider provider, SourceLocator locator, TypeDefinitionHandle typeHandle, List<Violation> found)
    {
        var type = reader.GetTypeDefinition(typeHandle);
        string typeName = MetadataNames.Of(reader, typeHandle);
        if (type.GetGenericParameters().Count > 0)
        {
            Report(found, locator.OfType(typeName), typeName, $"generic type definition ({NoGenerics})");
        }

        foreach (var baseHandle in type.GetInterfaceImplementations().Select(i => reader.GetInterfaceImplementation(i).Interface).Prepend(type.BaseType))
        {
            if (baseHandle.Kind == HandleKind.TypeSpecification)
            {
                string? problem = provider.GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)baseHandle, 0).Problem;
                ReportIf(found, problem, locator.OfType(typeName), typeName);
            }
        }

        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            string fieldName = reader.GetString(field.Name);
            ReportIf(found, field.DecodeSignature(provider, null).Problem, locator.OfType(typeName, fieldName), typeName + "." + fieldName);
        }

        foreach (var methodHandle in type.GetMethods())
        {
            InspectMethod(reader, pe, provider, locator, methodHandle, found);
        }
    }

    private static void InspectMethod(MetadataReader reader, PEReader pe, ShapeProvider provider, SourceLocator locator, MethodDefinitionHandle methodHandle, List<Violation> found)
    {
        var method = reader.GetMethodDefinition(methodHandle);
        string methodName = MetadataNames.Of(reader, methodHandle);
        var start = locator.OfMethod(methodHandle, 0);
        if (method.GetGenericParameters().Count > 0)
        {
            Report(found, start, methodName, $"generic method definition ({NoGenerics})");
        }

        ReportIf(found, ShapeProvider.ProblemOf(method.DecodeSignature(provider, null)), start, methodName);
        if (method.RelativeVirtualAddress == 0)
        {
            return;
        }

        var body = pe.GetMethodBody(method.RelativeVirtualAddress);
        foreach (var region in body.ExceptionRegions.Where(r => r.Kind == ExceptionRegionKind.Filter))
        {
            Report(found, locator.OfMethodFrom(methodHandle, region.FilterOffset), methodName,
                "exception filter ('catch ... when'); nanoFramework does not run filters: test inside the catch block and rethrow");
        }

        if (!body.LocalSignature.IsNil)
        {
            var locals = reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null);
            ReportIf(found, locals.Select(l => l.Problem).FirstOrDefault(p => p is not null), start, methodName);
        }

        foreach (int offset in IlTokens.LocallocOffsets(body))
        {
            Report(found, locator.OfMethod(methodHandle, offset), methodName, "stackalloc (unsafe memory cannot be used on nanoFramework)");
        }

        foreach (var use in IlTokens.Tokens(body))
        {
            ReportIf(found, ProblemOfToken(reader, provider, use.Handle), locator.OfMethod(methodHandle, use.Offset), methodName);
        }
    }

    private static string? ProblemOfToken(MetadataReader reader, ShapeProvider provider, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodSpecification:
                var spec = reader.GetMethodSpecification(handle: (MethodSpecificationHandle)handle);
                string target = spec.Method.Kind == HandleKind.MethodDefinition
                    ? MetadataNames.Of(reader, (MethodDefinitionHandle)spec.Method)
                    : reader.GetString(reader.GetMemberReference((MemberReferenceHandle)spec.Method).Name);
                return $"generic method instantiation {target}<...> ({NoGenerics})";
            case HandleKind.TypeSpecification:
                return provider.GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)handle, 0).Problem;
            case HandleKind.MemberReference:
                return provider.ProblemOfMemberReference(reader.GetMemberReference((MemberReferenceHandle)handle));
            default:
                return null;
        }
    }

    private static void ReportIf(List<Violation> found, string? problem, (string File, int Line) where, string member)
    {
        if (problem is not null)
        {
            Report(found, where, member, problem);
        }
    }

    private static void Report(List<Violation> found, (string File, int Line) where, string member, string message)
        => found.Add(new Violation(where.File, where.Line, member, message));
}
