using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace CellularIot.ModemSim;

/// <summary>
/// The module's flash file system (directory 3, /customer/, of AT+CFS*) and its certificate store (what
/// AT+CSSLCFG="convert" produced). Both survive reboots and power cycles, as flash does. Tests and the PC runner
/// may preload, read and count writes here while the simulator runs.
/// </summary>
public sealed class SimFileSystem : IDisposable
{
    /// <summary>The largest file CFSWFILE writes (and CFSRFILE reads) in one go.</summary>
    public const int MaxFileSize = 10240;

    private readonly Lock gate = new();
    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, X509Certificate2Collection> converted = new(StringComparer.Ordinal);
    private int writes;

    /// <summary>The names of the files, sorted.</summary>
    public IReadOnlyList<string> FileNames
    {
        get
        {
            lock (gate)
            {
                return [.. files.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>How many times AT+CFSWFILE wrote a file (a measure of flash wear; preloading does not count).</summary>
    public int WriteCount
    {
        get
        {
            lock (gate)
            {
                return writes;
            }
        }
    }

    /// <summary>Creates or replaces a file, as if it had been written earlier.</summary>
    public void WriteFile(string name, ReadOnlySpan<byte> content)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (gate)
        {
            files[name] = content.ToArray();
        }
    }

    /// <summary>A copy of a file's bytes; null when there is no such file.</summary>
    public byte[]? ReadFile(string name)
    {
        lock (gate)
        {
            return files.TryGetValue(name, out byte[]? content) ? [.. content] : null;
        }
    }

    /// <summary>Removes a file; false when there was none.</summary>
    public bool DeleteFile(string name)
    {
        lock (gate)
        {
            return files.Remove(name);
        }
    }

    /// <summary>Whether AT+CSSLCFG="convert" has turned the file into a trusted CA.</summary>
    public bool IsConverted(string name)
    {
        lock (gate)
        {
            return converted.ContainsKey(name);
        }
    }

    /// <summary>Forgets the converted certificates.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            foreach (X509Certificate2Collection certificates in converted.Values)
            {
                DisposeAll(certificates);
            }

            converted.Clear();
        }
    }

    /// <summary>CFSWFILE: overwrite (mode 0) or append (mode 1); false when the result would exceed the size limit.</summary>
    internal bool Write(string name, byte[] content, bool append)
    {
        lock (gate)
        {
            byte[] result = append && files.TryGetValue(name, out byte[]? old) ? [.. old, .. content] : content;
            if (result.Length > MaxFileSize)
            {
                return false;
            }

            files[name] = result;
            writes++;
            return true;
        }
    }

    /// <summary>CSSLCFG "convert": parses the file's PEM certificates into the store; false when missing or not PEM.</summary>
    internal bool Convert(string name)
    {
        byte[]? content = ReadFile(name);
        if (content is null)
        {
            return false;
        }

        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(Encoding.ASCII.GetString(content));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            DisposeAll(certificates);
            return false;
        }

        if (certificates.Count == 0)
        {
            return false;
        }

        lock (gate)
        {
            if (converted.Remove(name, out X509Certificate2Collection? previous))
            {
                DisposeAll(previous);
            }

            converted[name] = certificates;
        }

        return true;
    }

    /// <summary>Copies of the certificates converted from <paramref name="name"/>; null when it was never converted.</summary>
    internal X509Certificate2Collection? Trust(string name)
    {
        lock (gate)
        {
            if (!converted.TryGetValue(name, out X509Certificate2Collection? certificates))
            {
                return null;
            }

            var copies = new X509Certificate2Collection();
            foreach (X509Certificate2 certificate in certificates)
            {
                copies.Add(X509CertificateLoader.LoadCertificate(certificate.RawDataMemory.Span));
            }

            return copies;
        }
    }

    private static void DisposeAll(X509Certificate2Collection certificates)
    {
        foreach (X509Certificate2 certificate in certificates)
        {
            certificate.Dispose();
        }
    }
}
