namespace CellularIot.Cloud.Token
{
    using System;
    using System.IO;
    using CellularIot.Storage;

    /// <summary>
    /// Persists the newest <see cref="TokenRecord"/> in a <see cref="TwoSlotStore"/> (slots <see cref="SlotA"/> and
    /// <see cref="SlotB"/>, magic <see cref="Magic"/>), so that a power cut can never leave a corrupt or half-written token
    /// behind: the previous record survives until the new one is complete, and a slot that is missing,
    /// truncated, half-written, corrupt or undecodable is ignored.
    /// </summary>
    public class TokenStore
    {
        /// <summary>The first slot's blob name.</summary>
        public const string SlotA = "token.a";

        /// <summary>The second slot's blob name.</summary>
        public const string SlotB = "token.b";

        /// <summary>Marks a token slot.</summary>
        public const string Magic = "CITK";

        /// <summary>The format version written.</summary>
        public const byte FormatVersion = 1;

        /// <summary>Bytes before the payload.</summary>
        public const int HeaderBytes = TwoSlotStore.HeaderBytes;

        private readonly TwoSlotStore slots;

        /// <summary>Creates a store over <paramref name="blobs"/>.</summary>
        public TokenStore(IBlobStore blobs)
        {
            slots = new TwoSlotStore(blobs, SlotA, SlotB, Magic, FormatVersion, TokenRecordCodec.MaxPayloadBytes);
        }

        /// <summary>The newest intact record, or null when neither slot holds one (onboarding is then needed).</summary>
        public TokenRecord Load()
        {
            foreach (byte[] payload in slots.LoadNewestFirst())
            {
                try
                {
                    return TokenRecordCodec.Decode(payload, 0, payload.Length);
                }
                catch (FormatException)
                {
                    // An intact slot of a record that does not decode: the older copy may still serve.
                }
            }

            return null;
        }

        /// <summary>Writes <paramref name="record"/> into the slot not holding the newest record, then reads it back.</summary>
        /// <exception cref="IOException">The slot could not be written or did not read back intact; the previous record is still in place.</exception>
        public void Save(TokenRecord record)
        {
            slots.Save(TokenRecordCodec.Encode(record));
        }
    }
}
