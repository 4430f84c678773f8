namespace CellularIot.NanoCheck;

/// <summary>What the check found in one assembly of the firmware.</summary>
/// <param name="Name">The assembly compiled.</param>
/// <param name="FileCount">How many source files went into it.</param>
/// <param name="Violations">What the device could not run; empty when it passes.</param>
/// <param name="StringTableBytes">The estimated .pe string table (see <see cref="StringTable"/>), or null when not measured.</param>
/// <param name="ByteCodeBytes">The estimated byte code (see <see cref="ByteCode"/>), or null when not measured.</param>
public sealed record AssemblyReport(string Name, int FileCount, IReadOnlyList<Violation> Violations, int? StringTableBytes = null, int? ByteCodeBytes = null);
