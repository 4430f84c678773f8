namespace CellularIot.Board
{
    using System;
    using System.IO;
    using CellularIot.Storage;

    /// <summary>
    /// Blobs as files in one folder of the ESP32's internal flash drive (I:\, littlefs), for the token store.
    /// A write replaces the file in place and is not atomic; the token store's two slots make it safe.
    /// </summary>
    public sealed class FlashBlobStore : IBlobStore
    {
        /// <summary>The internal flash drive.</summary>
        public const string InternalDrive = "I:\\";

        private readonly string directory;

        /// <summary>Creates a store of files in <paramref name="directory"/>, for example <see cref="InternalDrive"/>.</summary>
        public FlashBlobStore(string directory)
        {
            if (directory == null)
            {
                throw new ArgumentNullException(nameof(directory));
            }

            this.directory = directory.Length > 0 && directory[directory.Length - 1] == '\\' ? directory : directory + "\\";
        }

        /// <inheritdoc/>
        public byte[] Read(string name, int maxBytes)
        {
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return null;
            }

            using (FileStream file = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                long length = file.Length;
                if (length > maxBytes)
                {
                    return null;
                }

                byte[] data = new byte[(int)length];
                int have = 0;
                while (have < data.Length)
                {
                    int read = file.Read(data, have, data.Length - have);
                    if (read <= 0)
                    {
                        throw new IOException(name + " ended before its length");
                    }

                    have += read;
                }

                return data;
            }
        }

        /// <inheritdoc/>
        public void Write(string name, byte[] data)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            // nanoFramework's FileStream syncs to flash on every write, so there is nothing to flush.
            using (FileStream file = new FileStream(PathOf(name), FileMode.Create, FileAccess.Write))
            {
                file.Write(data, 0, data.Length);
            }
        }

        // Plain names only: a name can never reach outside the store's folder.
        private string PathOf(string name)
        {
            if (name == null || name.Length == 0)
            {
                throw new ArgumentException("empty blob name", nameof(name));
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
                if (!plain || (c == '.' && i == 0))
                {
                    throw new ArgumentException("blob name '" + name + "' must be letters, digits, '.', '-' or '_' and not start with '.'", nameof(name));
                }
            }

            return directory + name;
        }
    }
}
