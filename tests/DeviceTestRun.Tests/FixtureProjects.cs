namespace CellularIot.DeviceTestRun.Tests;

/// <summary>The .nfproj and nf.sln texts of a small repository shaped like this one.</summary>
internal static class FixtureProjects
{
    public const string NanoProjectType = "{11A8DD76-328B-46DF-9F39-F559912D0360}";

    public static string Solution(params string[] projectPaths)
        => string.Concat(projectPaths.Select((path, i) => $"Project(\"{NanoProjectType}\") = \"P{i}\", \"{path}\", \"{{00000000-0000-0000-0000-00000000000{i}}}\"\nEndProject\n"))
            + "Global\nEndGlobal\n";

    public static string Library(string assemblyName) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <AssemblyName>{assemblyName}</AssemblyName>
          </PropertyGroup>
          <ItemGroup>
            <Compile Include="Core\**\*.cs" />
            <Compile Include="Board\**\*.cs" />
          </ItemGroup>
          <ItemGroup>
            <Reference Include="mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=c07d481e9758c731" />
            <Reference Include="System.IO.Ports, Version=1.1.131.0, Culture=neutral, PublicKeyToken=c07d481e9758c731" />
          </ItemGroup>
        </Project>
        """;

    public static string Tests(string libraryPath) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Project ToolsVersion="Current" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <ItemGroup>
            <ProjectCapability Include="TestContainer" />
          </ItemGroup>
          <PropertyGroup>
            <AssemblyName>NFUnitTest</AssemblyName>
          </PropertyGroup>
          <ItemGroup>
            <Compile Include="**\*.cs" Exclude="bin\**;obj\**" />
            <Compile Include="..\Shared\**\*.cs" />
          </ItemGroup>
          <ItemGroup>
            <ProjectReference Include="{libraryPath}" />
          </ItemGroup>
          <ItemGroup>
            <Reference Include="mscorlib, Version=1.17.11.0, Culture=neutral, PublicKeyToken=c07d481e9758c731" />
            <Reference Include="nanoFramework.TestFramework, Version=3.0.77.0, Culture=neutral, PublicKeyToken=c07d481e9758c731" />
            <Reference Include="nanoFramework.UnitTestLauncher, Version=0.0.0.0, Culture=neutral, PublicKeyToken=c07d481e9758c731" />
          </ItemGroup>
        </Project>
        """;
}
