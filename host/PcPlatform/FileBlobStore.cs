using CellularIot.Storage;

namespace CellularIot.Host;

/// <summary>
/// The PC counterpart of the board's flash store: blobs as files in one folder. Like flash, a write replaces
/// the file in place and is not atomic; the token store's two slots make it safe.
/// </summary>
public sealed class FileBlobStore : IBlobStore
{
    private readonly string directory;

    /// <summary>Creates a store of files in <paramref name="directory"/>, creating the folder if needed.</summary>
    public FileBlobStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        this.directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(this.directory);
    }

    /// <inheritdoc/>
    public byte[]? Read(string name, int maxBytes)
    {
        string path = PathOf(name);
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (file.Length > maxBytes)
            {
                return null;
            }

            byte[] data = new byte[(int)file.Length];
            file.ReadExactly(data);
            return data;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public void Write(string name, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var file = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write, FileShare.None);
        file.Write(data);
        file.Flush(flushToDisk: true);
    }

    // Plain names only, as on the board: a name can never reach outside the store's folder.
    private string PathOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name[0] == '.' || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new ArgumentException($"blob name '{name}' must be letters, digits, '.', '-' or '_' and not start with '.'", nameof(name));
        }

        return Path.Combine(directory, name);
    }
}
