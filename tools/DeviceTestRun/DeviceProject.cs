using System.Xml.Linq;
using CellularIot.NanoCheck;

namespace CellularIot.DeviceTestRun;

/// <summary>What a .nfproj says about the assembly it builds: its name, sources and references.</summary>
/// <param name="ProjectPath">Full path of the .nfproj.</param>
/// <param name="AssemblyName">The AssemblyName property (the launcher loads tests as NFUnitTest).</param>
/// <param name="Sources">Full paths of the files its Compile items include.</param>
/// <param name="ProjectReferences">Full paths of the projects it references.</param>
/// <param name="AssemblyReferences">Names of the packaged assemblies it references (mscorlib, the test framework...).</param>
public sealed record DeviceProject(
    string ProjectPath,
    string AssemblyName,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> ProjectReferences,
    IReadOnlyList<string> AssemblyReferences)
{
    /// <summary>The project's file name, e.g. UnitTests.nfproj.</summary>
    public string FileName => Path.GetFileName(ProjectPath);

    /// <summary>Reads <paramref name="projectPath"/>.</summary>
    public static DeviceProject Load(string projectPath)
    {
        string fullPath = Path.GetFullPath(projectPath);
        string projectDir = Path.GetDirectoryName(fullPath)!;
        var project = XDocument.Load(fullPath);
        var elements = project.Descendants().ToList();
        string assemblyName = elements.FirstOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim()
            ?? Path.GetFileNameWithoutExtension(fullPath);
        var projectReferences = elements
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => Path.GetFullPath(Path.Combine(projectDir, ((string?)e.Attribute("Include") ?? string.Empty).Replace('\\', '/'))))
            .ToList();
        // An assembly reference reads "Name, Version=..., PublicKeyToken=...": the name is all the run needs.
        var assemblyReferences = elements
            .Where(e => e.Name.LocalName == "Reference")
            .Select(e => ((string?)e.Attribute("Include") ?? string.Empty).Split(',')[0].Trim())
            .Where(name => name.Length > 0)
            .ToList();
        return new DeviceProject(fullPath, assemblyName, ProjectSources.CompiledFiles(fullPath), projectReferences, assemblyReferences);
    }
}
