using System.Reflection.Metadata;

namespace CellularIot.NanoCheck;

/// <summary>Readable names of metadata entities, for messages.</summary>
internal static class MetadataNames
{
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return Of(reader, declaring) + "+" + name;
        }

        string space = reader.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }

    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        string space = reader.GetString(type.Namespace);
        string name = reader.GetString(type.Name);
        return space.Length == 0 ? name : space + "." + name;
    }

    public static string Of(MetadataReader reader, MethodDefinitionHandle handle)
    {
        var method = reader.GetMethodDefinition(handle);
        return Of(reader, method.GetDeclaringType()) + "." + reader.GetString(method.Name);
    }

    /// <summary>The metadata name Roslyn's GetTypeByMetadataName expects (nested types joined with '+').</summary>
    public static string MetadataName(MetadataReader reader, TypeDefinitionHandle handle) => Of(reader, handle);
}
