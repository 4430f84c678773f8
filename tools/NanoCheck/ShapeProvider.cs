using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace CellularIot.NanoCheck;

/// <summary>
/// Decodes signature blobs into <see cref="TypeShape"/>s, marking generic instantiations, generic
/// parameters, multi-dimensional arrays and pointers, none of which the nanoFramework 1.x runtime supports.
/// </summary>
internal sealed class ShapeProvider : ISignatureTypeProvider<TypeShape, object?>
{
    private readonly MetadataReader reader;

    public ShapeProvider(MetadataReader reader)
    {
        this.reader = reader;
    }

    public TypeShape GetPrimitiveType(PrimitiveTypeCode typeCode) => TypeShape.Plain(typeCode.ToString());

    public TypeShape GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind)
        => TypeShape.Plain(MetadataNames.Of(metadata, handle));

    public TypeShape GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
        => TypeShape.Plain(MetadataNames.Of(metadata, handle));

    public TypeShape GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        => metadata.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public TypeShape GetSZArrayType(TypeShape elementType) => elementType.Wrap(elementType.Name + "[]");

    public TypeShape GetArrayType(TypeShape elementType, ArrayShape shape)
        => new($"{elementType.Name}[{new string(',', shape.Rank - 1)}]", "multi-dimensional array (nanoFramework has only single-dimension arrays; use a jagged array)");

    public TypeShape GetPointerType(TypeShape elementType)
        => new(elementType.Name + "*", "pointer type (unsafe code cannot run on nanoFramework)");

    public TypeShape GetFunctionPointerType(MethodSignature<TypeShape> signature)
        => new("delegate*", "function pointer (unsafe code cannot run on nanoFramework)");

    public TypeShape GetByReferenceType(TypeShape elementType) => elementType.Wrap(elementType.Name + "&");

    public TypeShape GetPinnedType(TypeShape elementType)
        => new(elementType.Name + " pinned", "pinned local (unsafe code cannot run on nanoFramework)");

    public TypeShape GetModifiedType(TypeShape modifier, TypeShape unmodifiedType, bool isRequired) => unmodifiedType;

    public TypeShape GetGenericInstantiation(TypeShape genericType, ImmutableArray<TypeShape> typeArguments)
    {
        string name = $"{genericType.Name}<{string.Join(", ", typeArguments.Select(a => a.Name))}>";
        return new TypeShape(name, $"generic instantiation {name} (nanoFramework 1.x has no generics)");
    }

    public TypeShape GetGenericMethodParameter(object? genericContext, int index)
        => new("!!" + index, "generic method parameter (nanoFramework 1.x has no generics)");

    public TypeShape GetGenericTypeParameter(object? genericContext, int index)
        => new("!" + index, "generic type parameter (nanoFramework 1.x has no generics)");

    /// <summary>The first problem in a method or property signature, or null.</summary>
    public static string? ProblemOf(MethodSignature<TypeShape> signature)
        => signature.ParameterTypes.Prepend(signature.ReturnType).Select(t => t.Problem).FirstOrDefault(p => p is not null);

    /// <summary>The first problem of the signature behind a member reference, or null.</summary>
    public string? ProblemOfMemberReference(MemberReference member)
    {
        string? parentProblem = member.Parent.Kind == HandleKind.TypeSpecification
            ? GetTypeFromSpecification(reader, null, (TypeSpecificationHandle)member.Parent, 0).Problem
            : null;
        if (parentProblem is not null)
        {
            return parentProblem;
        }

        return member.GetKind() == MemberReferenceKind.Method
            ? ProblemOf(member.DecodeMethodSignature(this, null))
            : member.DecodeFieldSignature(this, null).Problem;
    }
}
