namespace System.IO
{
    using System.Collections.Generic;
    using CellularIot.Esp32Model;

    /// <summary>nanoFramework's FileStream on the model flash drive: FileMode.Create empties the file at open, each write is synced.</summary>
    internal sealed class FileStream : IDisposable
    {
        private readonly List<byte> file;
        private readonly FileAccess access;
        private int position;

        /// <summary>Opens <paramref name="path"/>.</summary>
        public FileStream(string path, FileMode mode, FileAccess access)
        {
            bool create = mode == FileMode.Create || mode == FileMode.CreateNew || mode == FileMode.OpenOrCreate;
            bool truncate = mode == FileMode.Create || mode == FileMode.Truncate;
            file = Esp32Flash.Open(path, create, truncate);
            this.access = access;
            position = mode == FileMode.Append ? Esp32Flash.Length(file) : 0;
        }

        /// <summary>The file's length.</summary>
        public long Length => Esp32Flash.Length(file);

        /// <summary>Reads from the current position.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            if (!access.HasFlag(FileAccess.Read))
            {
                throw new NotSupportedException("opened for writing only");
            }

            int read = Esp32Flash.Copy(file, position, buffer, offset, count);
            position += read;
            return read;
        }

        /// <summary>Appends at the end and syncs to flash; power may fail part way.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (!access.HasFlag(FileAccess.Write))
            {
                throw new NotSupportedException("opened for reading only");
            }

            Esp32Flash.Append(file, buffer, offset, count);
            position = Esp32Flash.Length(file);
        }

        /// <summary>Closes the file; the bytes are already on flash.</summary>
        public void Dispose()
        {
        }
    }
}
