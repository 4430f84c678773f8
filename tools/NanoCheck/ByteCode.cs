using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CellularIot.NanoCheck;

/// <summary>
/// Estimates an assembly's byte code table on the device. nanoFramework's MetadataProcessor holds an assembly's
/// byte code in one table with 16-bit offsets, and refuses an assembly that overflows it ("Byte code table
/// overflow ... impossible to compile such a large assembly"). The measure is the size of the .NET method
/// bodies of a Debug build, which the nanoFramework form shrinks: a firmware of 92,284 such bytes converted
/// and one of 94,081 overflowed, so about 93,000 is the limit.
/// </summary>
public static class ByteCode
{
    /// <summary>About where the table overflows, in .NET method-body bytes of a Debug build.</summary>
    public const int Limit = 93_000;

    /// <summary>What a device assembly may use: 80 % of the limit, so it has room to grow.</summary>
    public const int Budget = 74_000;

    /// <summary>The size of every method body of <paramref name="assembly"/>.</summary>
    public static int Bytes(CompiledAssembly assembly)
    {
        using var pe = new PEReader(assembly.Image.ToImmutableArray());
        var reader = pe.GetMetadataReader();
        int total = 0;
        foreach (var handle in reader.MethodDefinitions)
        {
            var method = reader.GetMethodDefinition(handle);
            if (method.RelativeVirtualAddress != 0)
            {
                total += pe.GetMethodBody(method.RelativeVirtualAddress).Size;
            }
        }

        return total;
    }

    /// <summary>A violation when <paramref name="bytes"/> is over the budget, else nothing.</summary>
    public static IEnumerable<Violation> Check(string assemblyName, int bytes)
    {
        if (bytes > Budget)
        {
            yield return new Violation(string.Empty, 0, assemblyName,
                $"byte code of about {bytes:N0} method-body bytes: over the budget of {Budget:N0} (80 % of the about {Limit:N0} that overflow the device's byte code table); split the assembly");
        }
    }
}
