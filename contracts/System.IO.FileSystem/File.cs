// Declaration-only contract of nanoFramework's System.IO.FileSystem, holding exactly the members the Board
// layer uses, with the real signatures. Mirrors nanoframework/System.IO.FileSystem: System.IO.FileSystem/File.cs.
namespace System.IO
{
    public static class File
    {
        public static bool Exists(string path) => throw null;
    }
}
