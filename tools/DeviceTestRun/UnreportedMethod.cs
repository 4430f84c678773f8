namespace CellularIot.DeviceTestRun;

/// <summary>A test method with cases that have no result line.</summary>
/// <param name="Method">Namespace.Class.Method.</param>
/// <param name="Missing">How many of its cases were never reported.</param>
/// <param name="Expected">How many cases it has.</param>
public sealed record UnreportedMethod(string Method, int Missing, int Expected);
