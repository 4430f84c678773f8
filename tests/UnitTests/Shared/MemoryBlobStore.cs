namespace CellularIot.Tests.Support
{
    using System;
    using System.Collections;
    using System.IO;
    using CellularIot.Storage;

    /// <summary>An in-memory <see cref="IBlobStore"/> whose blobs a test can damage, and whose reads or writes can fail.</summary>
    public class MemoryBlobStore : IBlobStore
    {
        private readonly ArrayList names = new ArrayList();
        private readonly ArrayList blobs = new ArrayList();

        /// <summary>When true, every Read throws IOException.</summary>
        public bool FailReads { get; set; }

        /// <summary>When true, every Write throws IOException.</summary>
        public bool FailWrites { get; set; }

        /// <summary>How many writes succeeded.</summary>
        public int Writes { get; private set; }

        /// <inheritdoc/>
        public byte[] Read(string name, int maxBytes)
        {
            if (FailReads)
            {
                throw new IOException("read failed");
            }

            byte[] blob = Get(name);
            if (blob == null || blob.Length > maxBytes)
            {
                return null;
            }

            byte[] copy = new byte[blob.Length];
            Array.Copy(blob, copy, blob.Length);
            return copy;
        }

        /// <inheritdoc/>
        public void Write(string name, byte[] data)
        {
            if (FailWrites)
            {
                throw new IOException("write failed");
            }

            byte[] copy = new byte[data.Length];
            Array.Copy(data, copy, data.Length);
            Put(name, copy);
            Writes++;
        }

        /// <summary>The stored bytes themselves (not a copy), or null.</summary>
        public byte[] Get(string name)
        {
            int at = names.IndexOf(name);
            return at < 0 ? null : (byte[])blobs[at];
        }

        /// <summary>Replaces a blob directly, as a crash or a bit flip would.</summary>
        public void Put(string name, byte[] data)
        {
            int at = names.IndexOf(name);
            if (at < 0)
            {
                names.Add(name);
                blobs.Add(data);
            }
            else
            {
                blobs[at] = data;
            }
        }
    }
}
