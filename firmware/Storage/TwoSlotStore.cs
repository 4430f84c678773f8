namespace CellularIot.Storage
{
    using System;
    using System.IO;

    /// <summary>
    /// Keeps one record on flash so that a power cut during any write never loses it: two slots each hold a
    /// whole copy framed by a header (magic, format version, sequence number, length) and a CRC-32. A save
    /// writes the slot that does not hold the newest copy and reads it back; a load takes the valid copy
    /// with the highest sequence. A slot cut short, half-written or corrupted fails its CRC and is ignored,
    /// so the other copy survives. Not thread-safe.
    /// </summary>
    public class TwoSlotStore
    {
        /// <summary>Header bytes before each payload: magic (4), version (1), zero padding (3), sequence (4), length (4), CRC (4).</summary>
        public const int HeaderBytes = 20;

        private const int CrcOffset = 16;

        private readonly IBlobStore blobs;
        private readonly string slotA;
        private readonly string slotB;
        private readonly byte[] magic;
        private readonly byte formatVersion;
        private readonly int maxPayloadBytes;

        /// <summary>Creates a store over the blobs named <paramref name="slotA"/> and <paramref name="slotB"/>.</summary>
        /// <param name="blobs">Where the slots live.</param>
        /// <param name="slotA">The first slot's name.</param>
        /// <param name="slotB">The second slot's name.</param>
        /// <param name="magic">Four ASCII characters that mark this kind of record.</param>
        /// <param name="formatVersion">The payload format; a slot of another version is ignored.</param>
        /// <param name="maxPayloadBytes">The largest payload accepted, in both directions.</param>
        public TwoSlotStore(IBlobStore blobs, string slotA, string slotB, string magic, byte formatVersion, int maxPayloadBytes)
        {
            if (blobs == null)
            {
                throw new ArgumentNullException(nameof(blobs));
            }

            if (magic == null || magic.Length != 4)
            {
                throw new ArgumentException("the magic is four ASCII characters", nameof(magic));
            }

            this.blobs = blobs;
            this.slotA = slotA;
            this.slotB = slotB;
            this.magic = new byte[] { (byte)magic[0], (byte)magic[1], (byte)magic[2], (byte)magic[3] };
            this.formatVersion = formatVersion;
            this.maxPayloadBytes = maxPayloadBytes;
        }

        /// <summary>
        /// The valid payloads, newest first (none, one or two), so that a caller whose newest copy does not
        /// decode can fall back to the older one.
        /// </summary>
        public byte[][] LoadNewestFirst()
        {
            Slot a = ReadSlot(slotA);
            Slot b = ReadSlot(slotB);
            if (a == null && b == null)
            {
                return new byte[0][];
            }

            if (a == null || b == null)
            {
                return new byte[][] { (a ?? b).Payload };
            }

            return IsNewer(a, b) ? new byte[][] { a.Payload, b.Payload } : new byte[][] { b.Payload, a.Payload };
        }

        /// <summary>Writes <paramref name="payload"/> as the newest copy, into the slot not holding the newest.</summary>
        /// <exception cref="IOException">The slot did not read back intact; the older copy is still in place.</exception>
        /// <exception cref="ArgumentException">The payload is larger than the store takes.</exception>
        public void Save(byte[] payload)
        {
            if (payload == null || payload.Length > maxPayloadBytes)
            {
                throw new ArgumentException("payload missing or larger than " + maxPayloadBytes + " bytes", nameof(payload));
            }

            Slot a = ReadSlot(slotA);
            Slot b = ReadSlot(slotB);
            Slot newest = a == null ? b : (b == null || IsNewer(a, b) ? a : b);
            uint sequence = newest == null ? 1 : newest.Sequence + 1;
            string target = newest != null && newest == a ? slotB : slotA;
            blobs.Write(target, Frame(sequence, payload));

            Slot written = ReadSlot(target);
            if (written == null || written.Sequence != sequence)
            {
                throw new IOException("slot " + target + " did not read back intact");
            }
        }

        /// <summary>A slot's bytes for <paramref name="payload"/> with sequence number <paramref name="sequence"/>.</summary>
        public byte[] Frame(uint sequence, byte[] payload)
        {
            if (payload == null)
            {
                throw new ArgumentNullException(nameof(payload));
            }

            byte[] slot = new byte[HeaderBytes + payload.Length];
            Array.Copy(magic, 0, slot, 0, 4);
            slot[4] = formatVersion;
            PutUInt32(slot, 8, sequence);
            PutUInt32(slot, 12, (uint)payload.Length);
            Array.Copy(payload, 0, slot, HeaderBytes, payload.Length);
            PutUInt32(slot, CrcOffset, Checksum(slot));
            return slot;
        }

        private Slot ReadSlot(string name)
        {
            byte[] bytes;
            try
            {
                bytes = blobs.Read(name, HeaderBytes + maxPayloadBytes);
            }
            catch (IOException)
            {
                // An unreadable slot is treated like a missing one: the other slot may still be good.
                return null;
            }

            if (bytes == null || bytes.Length < HeaderBytes || bytes[0] != magic[0] || bytes[1] != magic[1] || bytes[2] != magic[2]
                || bytes[3] != magic[3] || bytes[4] != formatVersion || bytes[5] != 0 || bytes[6] != 0 || bytes[7] != 0)
            {
                return null;
            }

            uint length = GetUInt32(bytes, 12);
            if (length > maxPayloadBytes || bytes.Length != HeaderBytes + (int)length || GetUInt32(bytes, CrcOffset) != Checksum(bytes))
            {
                return null;
            }

            byte[] payload = new byte[length];
            Array.Copy(bytes, HeaderBytes, payload, 0, (int)length);
            return new Slot(GetUInt32(bytes, 8), payload);
        }

        // Serial-number order (RFC 1982): the two slots' sequences are one apart, so the one ahead by less than
        // half the number space is newer, and the store goes on across the wrap from 0xFFFFFFFF to 0 instead of
        // loading the copy written before the wrap for ever.
        private static bool IsNewer(Slot candidate, Slot other)
        {
            return (int)(candidate.Sequence - other.Sequence) >= 0;
        }

        // CRC-32 of the version, sequence and length fields and the payload: everything but magic and CRC.
        private static uint Checksum(byte[] slot)
        {
            uint crc = Crc32.Compute(slot, 4, CrcOffset - 4);
            return Crc32.Update(crc, slot, HeaderBytes, slot.Length - HeaderBytes);
        }

        private static void PutUInt32(byte[] target, int at, uint value)
        {
            target[at] = (byte)(value >> 24);
            target[at + 1] = (byte)(value >> 16);
            target[at + 2] = (byte)(value >> 8);
            target[at + 3] = (byte)value;
        }

        private static uint GetUInt32(byte[] source, int at)
        {
            return ((uint)source[at] << 24) | ((uint)source[at + 1] << 16) | ((uint)source[at + 2] << 8) | source[at + 3];
        }

        private sealed class Slot
        {
            public Slot(uint sequence, byte[] payload)
            {
                Sequence = sequence;
                Payload = payload;
            }

            public uint Sequence { get; private set; }

            public byte[] Payload { get; private set; }
        }
    }
}
