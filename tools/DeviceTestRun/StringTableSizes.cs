using System.Globalization;
using System.Text.RegularExpressions;

namespace CellularIot.DeviceTestRun;

/// <summary>
/// The string-table size of each assembly, as nanoCLR reports it while loading (an "Assembly: Name (...)"
/// line, then "Strings = N bytes" among its table sizes). One assembly's table may hold at most 65,535 bytes.
/// </summary>
public static partial class StringTableSizes
{
    /// <summary>The most one assembly's string table can hold: its entries are 16-bit offsets.</summary>
    public const int Limit = 65_535;

    /// <summary>Bytes of string table by assembly name, from nanoCLR's output <paramref name="lines"/>.</summary>
    public static IReadOnlyDictionary<string, int> Read(IEnumerable<string> lines)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        string? assembly = null;
        foreach (string line in lines)
        {
            var header = AssemblyLine().Match(line);
            if (header.Success)
            {
                assembly = header.Groups["name"].Value;
                continue;
            }

            var strings = StringsLine().Match(line);
            if (strings.Success && assembly is not null)
            {
                sizes[assembly] = int.Parse(strings.Groups["bytes"].Value, CultureInfo.InvariantCulture);
                assembly = null;
            }
        }

        return sizes;
    }

    [GeneratedRegex(@"^\s*Assembly: (?<name>\S+) \(")]
    private static partial Regex AssemblyLine();

    [GeneratedRegex(@"^\s*Strings\s*=\s*(?<bytes>\d+) bytes")]
    private static partial Regex StringsLine();
}
