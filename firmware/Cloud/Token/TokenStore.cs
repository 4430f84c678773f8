namespace CellularIot.Cloud.Token
{
    using System;
    using System.IO;

    /// <summary>
    /// Persists the newest <see cref="TokenRecord"/> so that a power cut can never leave a corrupt or
    /// half-written token behind. Two slots (<see cref="SlotA"/>, <see cref="SlotB"/>) each hold one record
    /// with a header; a save always overwrites the slot that does not hold the newest valid record, so the
    /// previous record survives until the new one is complete. Loading takes the valid record with the
    /// highest sequence number and ignores a slot that is missing, truncated, half-written or corrupt.
    /// <para>
    /// Slot layout, big-endian: magic "CITK" (4 bytes), format version (1 byte), three zero bytes, sequence
    /// number (4), payload length (4), CRC-32 (4), payload (<see cref="TokenRecordCodec"/>). The CRC covers
    /// the payload and also the version, sequence and length bytes before it, so a flipped bit in the
    /// sequence number cannot promote a stale record either.
    /// </para>
    /// </summary>
    public class TokenStore
    {
        /// <summary>The first slot's blob name.</summary>
        public const string SlotA = "token.a";

        /// <summary>The second slot's blob name.</summary>
        public const string SlotB = "token.b";

        /// <summary>The format version written.</summary>
        public const byte FormatVersion = 1;

        /// <summary>Bytes before the payload.</summary>
        public const int HeaderBytes = 20;

        private const int CrcOffset = 16;

        private readonly IBlobStore blobs;

        /// <summary>Creates a store over <paramref name="blobs"/>.</summary>
        public TokenStore(IBlobStore blobs)
        {
            if (blobs == null)
            {
                throw new ArgumentNullException(nameof(blobs));
            }

            this.blobs = blobs;
        }

        /// <summary>The newest valid record, or null when neither slot holds one (onboard again).</summary>
        public TokenRecord Load()
        {
            Slot a = ReadSlot(SlotA);
            Slot b = ReadSlot(SlotB);
            Slot newest = Newer(a, b);
            return newest == null ? null : newest.Record;
        }

        /// <summary>Writes <paramref name="record"/> into the slot not holding the newest valid record, then reads it back.</summary>
        /// <exception cref="IOException">The storage failed, or the slot did not read back intact.</exception>
        public void Save(TokenRecord record)
        {
            byte[] payload = TokenRecordCodec.Encode(record);
            Slot a = ReadSlot(SlotA);
            Slot b = ReadSlot(SlotB);
            Slot newest = Newer(a, b);
            uint sequence = newest == null ? 1 : newest.Sequence + 1;
            string target = newest == a && a != null ? SlotB : SlotA;
            blobs.Write(target, Frame(sequence, payload));

            Slot written = ReadSlot(target);
            if (written == null || written.Sequence != sequence)
            {
                throw new IOException("token slot " + target + " did not read back intact");
            }
        }

        /// <summary>The slot bytes for <paramref name="payload"/> with sequence number <paramref name="sequence"/>.</summary>
        public static byte[] Frame(uint sequence, byte[] payload)
        {
            if (payload == null)
            {
                throw new ArgumentNullException(nameof(payload));
            }

            byte[] slot = new byte[HeaderBytes + payload.Length];
            slot[0] = (byte)'C';
            slot[1] = (byte)'I';
            slot[2] = (byte)'T';
            slot[3] = (byte)'K';
            slot[4] = FormatVersion;
            PutUInt32(slot, 8, sequence);
            PutUInt32(slot, 12, (uint)payload.Length);
            Array.Copy(payload, 0, slot, HeaderBytes, payload.Length);
            PutUInt32(slot, CrcOffset, Checksum(slot));
            return slot;
        }

        private static Slot Newer(Slot a, Slot b)
        {
            if (a == null)
            {
                return b;
            }

            return b == null || a.Sequence >= b.Sequence ? a : b;
        }

        private Slot ReadSlot(string name)
        {
            byte[] bytes;
            try
            {
                bytes = blobs.Read(name, HeaderBytes + TokenRecordCodec.MaxPayloadBytes);
            }
            catch (IOException)
            {
                // An unreadable slot is treated like a missing one: the other slot may still be good.
                return null;
            }

            if (bytes == null || bytes.Length < HeaderBytes || bytes[0] != 'C' || bytes[1] != 'I' || bytes[2] != 'T'
                || bytes[3] != 'K' || bytes[4] != FormatVersion || bytes[5] != 0 || bytes[6] != 0 || bytes[7] != 0)
            {
                return null;
            }

            uint length = GetUInt32(bytes, 12);
            if (length > TokenRecordCodec.MaxPayloadBytes || bytes.Length != HeaderBytes + (int)length
                || GetUInt32(bytes, CrcOffset) != Checksum(bytes))
            {
                return null;
            }

            try
            {
                return new Slot(GetUInt32(bytes, 8), TokenRecordCodec.Decode(bytes, HeaderBytes, (int)length));
            }
            catch (FormatException)
            {
                return null;
            }
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
            public Slot(uint sequence, TokenRecord record)
            {
                Sequence = sequence;
                Record = record;
            }

            public uint Sequence { get; private set; }

            public TokenRecord Record { get; private set; }
        }
    }
}
