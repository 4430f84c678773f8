namespace CellularIot.DeviceTestRun;

/// <summary>A device assembly compiled and converted to the .pe the runtime loads.</summary>
/// <param name="Assembly">The compiled assembly.</param>
/// <param name="PePath">Its .pe.</param>
public sealed record BuiltAssembly(DeviceAssembly Assembly, string PePath)
{
    /// <summary>The assembly name.</summary>
    public string Name => Assembly.Name;
}
