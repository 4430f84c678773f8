namespace CellularIot.Esp32Model
{
    using System.Threading;

    /// <summary>The model board's managed heap: how many full collections the firmware forced, and what they report free.</summary>
    public static class Esp32Heap
    {
        private static int collections;
        private static uint freeBytes = 150_000;

        /// <summary>Collections forced with GC.Run so far.</summary>
        public static int Collections => Volatile.Read(ref collections);

        /// <summary>Sets what the next collections report free.</summary>
        public static void Report(uint bytes) => Volatile.Write(ref freeBytes, bytes);

        internal static uint Collect(bool compactHeap)
        {
            _ = compactHeap;
            Interlocked.Increment(ref collections);
            return Volatile.Read(ref freeBytes);
        }
    }
}
