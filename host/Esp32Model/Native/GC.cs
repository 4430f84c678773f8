namespace nanoFramework.Runtime.Native
{
    using CellularIot.Esp32Model;

    /// <summary>nanoFramework's GC on the model board: each Run is a full collection, counted in <see cref="Esp32Heap"/>.</summary>
    public static class GC
    {
        /// <summary>Runs a collection and returns the free managed memory.</summary>
        public static uint Run(bool compactHeap) => Esp32Heap.Collect(compactHeap);
    }
}
