// Declaration-only contract of nanoFramework.Runtime.Native, holding exactly the members the Board layer
// uses, with the real signatures. Mirrors nanoframework/nanoFramework.Runtime.Native:
// nanoFramework.Runtime.Native/GC.cs and nanoFramework.Runtime.Native/System/Environment.cs.
namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw null;
    }
}

namespace System
{
    public static partial class Environment
    {
        public static long TickCount64 => throw null;
    }
}
