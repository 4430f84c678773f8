// Declaration-only contract of nanoFramework's System.IO.Streams, holding exactly the members the Board
// layer uses, with the real signatures. Mirrors nanoframework/System.IO.Streams: System.IO.Streams/Stream.cs.
namespace System.IO
{
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract long Length { get; }

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract void Write(byte[] buffer, int offset, int count);

        public void Dispose() => throw null;
    }
}
