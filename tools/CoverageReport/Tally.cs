using System.Globalization;

namespace CellularIot.CoverageReport;

/// <summary>How many of a number of places the tests reached.</summary>
public readonly record struct Tally(int Covered, int Total)
{
    /// <summary>Covered in percent; 100 for nothing to cover.</summary>
    public double Percent => Total == 0 ? 100 : 100.0 * Covered / Total;

    public static Tally operator +(Tally a, Tally b) => new(a.Covered + b.Covered, a.Total + b.Total);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Percent,6:0.0}% {Covered,5}/{Total}");
}
