namespace CellularIot.Fuzz;

/// <summary>The seed corpus in the repository: fuzz/corpus/&lt;target&gt;/, one file per seed.</summary>
public static class Corpus
{
    /// <summary>fuzz/corpus of the repository this program was built from or runs in, or null.</summary>
    public static string FindRoot()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "fuzz", "corpus");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The stored seeds of <paramref name="target"/>, in file-name order; empty when there are none.</summary>
    public static IReadOnlyList<byte[]> Load(string root, string target)
    {
        string folder = root == null ? null : Path.Combine(root, target);
        if (folder == null || !Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }

    /// <summary>Writes the target's built-in seeds as seed-NN files; returns how many.</summary>
    public static int Write(string root, IFuzzTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        string folder = Path.Combine(root, target.Name);
        Directory.CreateDirectory(folder);
        int n = 0;
        foreach (byte[] seed in target.Seeds())
        {
            File.WriteAllBytes(Path.Combine(folder, $"seed-{n:D2}"), seed);
            n++;
        }

        return n;
    }
}
