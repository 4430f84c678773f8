using System.Globalization;

namespace CellularIot.CoverageReport;

/// <summary>CI's minimum of the firmware's branch coverage, and the line that says whether it was met.</summary>
public static class Gate
{
    public static bool Check(TextWriter output, Tally branches, double minimum)
    {
        bool met = branches.Percent >= minimum;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"firmware branch coverage {branches.Percent:0.0}% ({branches.Covered} of {branches.Total}) {(met ? "meets" : "is BELOW")} the minimum of {minimum:0.0}%"));
        return met;
    }
}
