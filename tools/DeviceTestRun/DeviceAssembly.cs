using Microsoft.CodeAnalysis;

namespace CellularIot.DeviceTestRun;

/// <summary>A device assembly compiled to disk, with the assemblies it was compiled against.</summary>
/// <param name="Name">The assembly name.</param>
/// <param name="DllPath">The compiled assembly on disk.</param>
/// <param name="Image">Its bytes.</param>
/// <param name="References">Each referenced assembly's name and .dll, as the MetadataProcessor's load hints.</param>
public sealed record DeviceAssembly(string Name, string DllPath, byte[] Image, IReadOnlyDictionary<string, string> References)
{
    /// <summary>A reference for the compilations that build on it.</summary>
    public MetadataReference ToReference() => MetadataReference.CreateFromImage(Image);
}
