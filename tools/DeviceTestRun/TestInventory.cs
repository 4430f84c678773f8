using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CellularIot.DeviceTestRun;

/// <summary>
/// The test cases a compiled test assembly holds, read from its metadata the way nanoFramework's launcher
/// finds them: in each [TestClass], a method's [DataRow]s are its cases, else its [TestMethod] is one case.
/// [Setup] and [Cleanup] methods are called and reported too, but are not cases.
/// </summary>
public sealed class TestInventory
{
    private const string FrameworkNamespace = "nanoFramework.TestFramework";

    private TestInventory(IReadOnlyDictionary<string, int> cases, IReadOnlySet<string> fixtures)
    {
        Cases = cases;
        Fixtures = fixtures;
    }

    /// <summary>Expected cases by method (<c>Namespace.Class.Method</c>, as the launcher prints it).</summary>
    public IReadOnlyDictionary<string, int> Cases { get; }

    /// <summary>The [Setup] and [Cleanup] methods, by the same name.</summary>
    public IReadOnlySet<string> Fixtures { get; }

    /// <summary>All expected cases.</summary>
    public int CaseCount => Cases.Values.Sum();

    /// <summary>Reads the test classes of the assembly image <paramref name="image"/>.</summary>
    public static TestInventory Read(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var reader = pe.GetMetadataReader();
        var cases = new Dictionary<string, int>(StringComparer.Ordinal);
        var fixtures = new HashSet<string>(StringComparer.Ordinal);
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            if (!AttributeNames(reader, type.GetCustomAttributes()).Contains("TestClassAttribute"))
            {
                continue;
            }

            string typeName = FullName(reader, type);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                var attributes = AttributeNames(reader, method.GetCustomAttributes());
                string name = typeName + "." + reader.GetString(method.Name);
                int dataRows = attributes.Count(a => a == "DataRowAttribute");
                if (dataRows > 0 || attributes.Contains("TestMethodAttribute"))
                {
                    cases[name] = cases.GetValueOrDefault(name) + Math.Max(dataRows, 1);
                }
                else if (attributes.Contains("SetupAttribute") || attributes.Contains("CleanupAttribute"))
                {
                    fixtures.Add(name);
                }
            }
        }

        return new TestInventory(cases, fixtures);
    }

    // The test framework's attribute types on a type or method (their names without namespace).
    private static List<string> AttributeNames(MetadataReader reader, CustomAttributeHandleCollection handles)
    {
        var names = new List<string>();
        foreach (var handle in handles)
        {
            var constructor = reader.GetCustomAttribute(handle).Constructor;
            if (constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var parent = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            var attributeType = reader.GetTypeReference((TypeReferenceHandle)parent);
            if (reader.GetString(attributeType.Namespace) == FrameworkNamespace)
            {
                names.Add(reader.GetString(attributeType.Name));
            }
        }

        return names;
    }

    // Type.FullName as the runtime gives it: Namespace.Name, nested types as Outer+Inner.
    private static string FullName(MetadataReader reader, TypeDefinition type)
    {
        string name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return FullName(reader, reader.GetTypeDefinition(declaring)) + "+" + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
