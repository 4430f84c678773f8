using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace CellularIot.NanoCheck;

/// <summary>
/// Estimates the string table nanoFramework's MetadataProcessor gives an assembly's .pe (nanoStringTable in
/// nanoframework/metadata-processor): every distinct name of the assembly references, type references and
/// member references, of the types it defines with their fields and methods, and every string literal, each
/// stored as UTF-8 plus a terminating zero. The table's offsets are 16-bit, so past 65,535 bytes the
/// MetadataProcessor refuses the assembly. The estimate leaves out nothing the processor stores, and counts
/// the few names it takes from its built-in table of well-known strings, so it errs on the high side.
/// </summary>
public static class StringTable
{
    /// <summary>What one table can hold.</summary>
    public const int Limit = 65_535;

    /// <summary>What a device assembly may use: 80 % of the limit, so it has room to grow.</summary>
    public const int Budget = 52_000;

    /// <summary>The distinct strings of <paramref name="assembly"/>'s table.</summary>
    public static ISet<string> Strings(CompiledAssembly assembly)
    {
        using var pe = new PEReader(assembly.Image.ToImmutableArray());
        var reader = pe.GetMetadataReader();
        var strings = new HashSet<string>(StringComparer.Ordinal) { string.Empty };
        foreach (var handle in reader.AssemblyReferences)
        {
            strings.Add(reader.GetString(reader.GetAssemblyReference(handle).Name));
        }

        foreach (var handle in reader.TypeReferences)
        {
            var type = reader.GetTypeReference(handle);
            strings.Add(reader.GetString(type.Namespace));
            strings.Add(reader.GetString(type.Name));
        }

        foreach (var handle in reader.MemberReferences)
        {
            strings.Add(reader.GetString(reader.GetMemberReference(handle).Name));
        }

        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            strings.Add(reader.GetString(type.Namespace));
            strings.Add(reader.GetString(type.Name));
            foreach (var field in type.GetFields())
            {
                strings.Add(reader.GetString(reader.GetFieldDefinition(field).Name));
            }

            foreach (var method in type.GetMethods())
            {
                strings.Add(reader.GetString(reader.GetMethodDefinition(method).Name));
            }
        }

        // String literals live in the #US heap; each one the IL loads (ldstr) goes into the table.
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = reader.GetNextHandle(handle))
        {
            strings.Add(reader.GetUserString(handle));
        }

        return strings;
    }

    /// <summary>The table's size in bytes for <paramref name="strings"/>.</summary>
    public static int Bytes(IEnumerable<string> strings) => strings.Sum(s => Encoding.UTF8.GetByteCount(s) + 1);

    /// <summary>A violation when <paramref name="bytes"/> is over the budget, else nothing.</summary>
    public static IEnumerable<Violation> Check(string assemblyName, int bytes)
    {
        if (bytes > Budget)
        {
            yield return new Violation(string.Empty, 0, assemblyName,
                $"string table of about {bytes:N0} bytes: over the budget of {Budget:N0} (80 % of the {Limit:N0} a nanoFramework assembly can hold); split the assembly");
        }
    }
}
