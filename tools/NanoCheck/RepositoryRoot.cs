namespace CellularIot.NanoCheck;

/// <summary>Finds the repository root: the nearest folder upwards that holds nf.sln.</summary>
public static class RepositoryRoot
{
    /// <summary>The first folder from <paramref name="start"/> upwards with nf.sln in it.</summary>
    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "nf.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no nf.sln above {start}");
    }
}
