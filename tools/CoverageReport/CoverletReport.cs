using System.Text.Json;

namespace CellularIot.CoverageReport;

/// <summary>
/// One coverlet JSON report (module, then source file, class, method; each method with its line hits and its
/// branches), read into the places it measured. A branch is known by its method and its IL offsets, so two
/// reports of the same build name the same branch the same way and can be merged exactly.
/// </summary>
public static class CoverletReport
{
    public static void AddTo(FirmwareCoverage coverage, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        foreach (JsonProperty module in document.RootElement.EnumerateObject())
        {
            foreach (JsonProperty file in module.Value.EnumerateObject())
            {
                string? source = FirmwareCoverage.FirmwarePath(file.Name);
                if (source is null)
                {
                    continue;
                }

                foreach (JsonProperty type in file.Value.EnumerateObject())
                {
                    foreach (JsonProperty method in type.Value.EnumerateObject())
                    {
                        AddMethod(coverage, source, type.Name + "::" + method.Name, method.Value);
                    }
                }
            }
        }
    }

    private static void AddMethod(FirmwareCoverage coverage, string source, string method, JsonElement measured)
    {
        if (measured.TryGetProperty("Lines", out JsonElement lines))
        {
            foreach (JsonProperty line in lines.EnumerateObject())
            {
                coverage.AddLine(source, int.Parse(line.Name, System.Globalization.CultureInfo.InvariantCulture), line.Value.GetInt64());
            }
        }

        if (measured.TryGetProperty("Branches", out JsonElement branches))
        {
            foreach (JsonElement branch in branches.EnumerateArray())
            {
                string place = string.Join(
                    ':',
                    method,
                    branch.GetProperty("Line").GetInt32(),
                    branch.GetProperty("Offset").GetInt32(),
                    branch.GetProperty("EndOffset").GetInt32(),
                    branch.GetProperty("Path").GetInt32(),
                    branch.GetProperty("Ordinal").GetInt32());
                coverage.AddBranch(source, place, branch.GetProperty("Line").GetInt32(), branch.GetProperty("Hits").GetInt64());
            }
        }
    }
}
