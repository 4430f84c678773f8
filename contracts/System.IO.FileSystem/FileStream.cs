// Declaration-only contract of nanoFramework's System.IO.FileSystem, holding exactly the members the Board
// layer uses, with the real signatures. Mirrors nanoframework/System.IO.FileSystem:
// System.IO.FileSystem/FileStream.cs, FileMode.cs and FileAccess.cs.
namespace System.IO
{
    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode, FileAccess access) => throw null;

        public override long Length => throw null;

        public override int Read(byte[] buffer, int offset, int count) => throw null;

        public override void Write(byte[] buffer, int offset, int count) => throw null;
    }

    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }
}
