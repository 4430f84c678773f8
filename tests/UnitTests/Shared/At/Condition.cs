namespace CellularIot.Tests.At
{
    /// <summary>Something a test waits to become true.</summary>
    public delegate bool Condition();
}
