namespace CellularIot.Esp32Model
{
    using System;
    using System.Collections.Generic;

    /// <summary>
    /// The model board's internal flash drive (I:\, littlefs under nanoFramework.System.IO.FileSystem), with
    /// what matters to a power-cut-safe store: FileMode.Create empties the file as it opens; each Write is on
    /// flash when it returns (nanoFramework's FileStream syncs every write); and power can fail inside a write,
    /// leaving the bytes before the cut and none after. After a cut every file operation fails until
    /// <see cref="PowerOn"/>, as nothing runs on a board without power.
    /// </summary>
    public static class Esp32Flash
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, List<byte>> Files = new Dictionary<string, List<byte>>(StringComparer.Ordinal);
        private static long bytesUntilCut = -1;
        private static bool powered = true;

        /// <summary>Empties the drive and restores power.</summary>
        public static void Format()
        {
            lock (Gate)
            {
                Files.Clear();
                bytesUntilCut = -1;
                powered = true;
            }
        }

        /// <summary>Power fails once <paramref name="bytes"/> more bytes have reached flash.</summary>
        public static void CutPowerAfter(long bytes)
        {
            lock (Gate)
            {
                bytesUntilCut = bytes;
            }
        }

        /// <summary>The board boots again: the files are as the cut left them.</summary>
        public static void PowerOn()
        {
            lock (Gate)
            {
                bytesUntilCut = -1;
                powered = true;
            }
        }

        /// <summary>A file's bytes, or null when it does not exist.</summary>
        public static byte[] Contents(string path)
        {
            lock (Gate)
            {
                return Files.TryGetValue(path, out List<byte> bytes) ? bytes.ToArray() : null;
            }
        }

        internal static bool Exists(string path)
        {
            lock (Gate)
            {
                RequirePower();
                return Files.ContainsKey(path);
            }
        }

        internal static List<byte> Open(string path, bool create, bool truncate)
        {
            lock (Gate)
            {
                RequirePower();
                if (!Files.TryGetValue(path, out List<byte> bytes))
                {
                    if (!create)
                    {
                        throw new System.IO.FileNotFoundException("no file " + path, path);
                    }

                    bytes = new List<byte>();
                    Files[path] = bytes;
                }
                else if (truncate)
                {
                    bytes.Clear();
                }

                return bytes;
            }
        }

        internal static void Append(List<byte> file, byte[] buffer, int offset, int count)
        {
            lock (Gate)
            {
                RequirePower();
                for (int i = 0; i < count; i++)
                {
                    if (bytesUntilCut == 0)
                    {
                        powered = false;
                        throw new PowerCutException();
                    }

                    file.Add(buffer[offset + i]);
                    if (bytesUntilCut > 0)
                    {
                        bytesUntilCut--;
                    }
                }
            }
        }

        internal static int Length(List<byte> file)
        {
            lock (Gate)
            {
                return file.Count;
            }
        }

        internal static int Copy(List<byte> file, int position, byte[] buffer, int offset, int count)
        {
            lock (Gate)
            {
                RequirePower();
                int n = Math.Min(count, file.Count - position);
                for (int i = 0; i < n; i++)
                {
                    buffer[offset + i] = file[position + i];
                }

                return Math.Max(n, 0);
            }
        }

        private static void RequirePower()
        {
            if (!powered)
            {
                throw new PowerCutException();
            }
        }
    }
}
