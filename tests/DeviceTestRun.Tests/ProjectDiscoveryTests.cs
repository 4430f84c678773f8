using Xunit;

namespace CellularIot.DeviceTestRun.Tests;

public sealed class ProjectDiscoveryTests
{
    [Fact]
    public void FindsOnlyTheTestContainersThatNfSlnLists()
    {
        using var repo = new TempRepository();
        repo.Write("lib/Lib.nfproj", FixtureProjects.Library("Lib"));
        string first = repo.Write("tests/A/A.nfproj", FixtureProjects.Tests(@"..\..\lib\Lib.nfproj"));
        string second = repo.Write("tests/B/B.nfproj", FixtureProjects.Tests(@"..\..\lib\Lib.nfproj"));
        repo.Write("tests/Unlisted/Unlisted.nfproj", FixtureProjects.Tests(@"..\..\lib\Lib.nfproj"));
        repo.Write("nf.sln", FixtureProjects.Solution(@"lib\Lib.nfproj", @"tests\A\A.nfproj", @"tests\Gone\Gone.nfproj", @"tests\B\B.nfproj"));

        Assert.Equal([first, second], TestSolution.TestProjects(repo.Root));
        Assert.Equal([second], TestSolution.TestProjects(repo.Root, ["b"]));
        Assert.Equal([first, second], TestSolution.TestProjects(repo.Root, ["B", "A."]));
        Assert.Empty(TestSolution.TestProjects(repo.Root, ["Lib"]));
    }

    [Fact]
    public void ReadsAProjectsNameSourcesAndReferences()
    {
        using var repo = new TempRepository();
        string library = repo.Write("lib/Lib.nfproj", FixtureProjects.Library("Lib"));
        string project = repo.Write("tests/A/A.nfproj", FixtureProjects.Tests(@"..\..\lib\Lib.nfproj"));
        string own = repo.Write("tests/A/Area/OneTests.cs", "class OneTests { }");
        string shared = repo.Write("tests/Shared/Helper.cs", "class Helper { }");
        repo.Write("tests/A/obj/Generated.cs", "class Generated { }");

        var read = DeviceProject.Load(project);

        Assert.Equal("NFUnitTest", read.AssemblyName);
        Assert.Equal(new[] { own, shared }.Order(StringComparer.Ordinal), read.Sources.Order(StringComparer.Ordinal));
        Assert.Equal([library], read.ProjectReferences);
        Assert.Equal(["mscorlib", "nanoFramework.TestFramework", "nanoFramework.UnitTestLauncher"], read.AssemblyReferences);
    }

    [Fact]
    public void AnEmptyCacheNamesEveryFileItLacks()
    {
        using var repo = new TempRepository();
        var cache = new ToolCache(repo.Root);

        var missing = cache.Missing();

        Assert.Equal(7, missing.Count);
        Assert.Contains(cache.NanoClr, missing);
        Assert.Contains(cache.LauncherPe, missing);
    }
}
