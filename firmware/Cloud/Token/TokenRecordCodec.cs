namespace CellularIot.Cloud.Token
{
    using System;
    using CellularIot.Bytes;
    using CellularIot.Cloud.Onboarding;

    /// <summary>
    /// The payload of a token slot: the fetch time as milliseconds since 1970 (8 bytes, big-endian), then
    /// username, endpoint, client ID and root CA URL, each as a 2-byte big-endian length and UTF-8 bytes.
    /// </summary>
    public static class TokenRecordCodec
    {
        /// <summary>Largest payload written or read.</summary>
        public const int MaxPayloadBytes = 4096;

        // 2200-01-01T00:00:00Z in milliseconds: later times are corrupt, not real.
        private const long LatestMs = 7258118400000;

        /// <summary>The payload bytes of <paramref name="record"/>.</summary>
        /// <exception cref="ArgumentException">The record does not fit <see cref="MaxPayloadBytes"/>.</exception>
        public static byte[] Encode(TokenRecord record)
        {
            if (record == null)
            {
                throw new ArgumentNullException(nameof(record));
            }

            OnboardingResult c = record.Credentials;
            string[] fields = { c.Username, c.EndpointHost, c.ClientId, c.AmazonRootCaUrl };
            int size = 8;
            for (int i = 0; i < fields.Length; i++)
            {
                size += 2 + Utf8.GetByteCount(fields[i]);
            }

            if (size > MaxPayloadBytes)
            {
                throw new ArgumentException("token record of " + size + " bytes exceeds " + MaxPayloadBytes, nameof(record));
            }

            byte[] payload = new byte[size];
            long ms = (record.FetchedAtUtc - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond;
            if (ms < 0 || ms > LatestMs)
            {
                throw new ArgumentException("fetch time outside 1970..2200", nameof(record));
            }

            for (int i = 0; i < 8; i++)
            {
                payload[i] = (byte)(ms >> (56 - (8 * i)));
            }

            int at = 8;
            for (int i = 0; i < fields.Length; i++)
            {
                int length = Utf8.GetByteCount(fields[i]);
                payload[at] = (byte)(length >> 8);
                payload[at + 1] = (byte)length;
                at += 2 + Utf8.Encode(fields[i], payload, at + 2);
            }

            return payload;
        }

        /// <summary>The record in <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        /// <exception cref="FormatException">The bytes are not exactly one record.</exception>
        public static TokenRecord Decode(byte[] payload, int offset, int count)
        {
            if (payload == null)
            {
                throw new ArgumentNullException(nameof(payload));
            }

            if (count < 8 || offset < 0 || offset > payload.Length - count)
            {
                throw new FormatException("token record too short");
            }

            long ms = 0;
            for (int i = 0; i < 8; i++)
            {
                ms = (ms << 8) | payload[offset + i];
            }

            if (ms < 0 || ms > LatestMs)
            {
                throw new FormatException("token record fetch time out of range");
            }

            int at = offset + 8;
            int end = offset + count;
            string[] fields = new string[4];
            for (int i = 0; i < fields.Length; i++)
            {
                if (end - at < 2)
                {
                    throw new FormatException("token record cut short");
                }

                int length = (payload[at] << 8) | payload[at + 1];
                at += 2;
                if (end - at < length)
                {
                    throw new FormatException("token record field longer than the record");
                }

                try
                {
                    fields[i] = Utf8.Decode(payload, at, length);
                }
                catch (Utf8Exception e)
                {
                    throw new FormatException("token record field not UTF-8: " + e.Message, e);
                }

                at += length;
            }

            if (at != end)
            {
                throw new FormatException("bytes after the token record");
            }

            DateTime fetched = DateTime.UnixEpoch.AddTicks(ms * TimeSpan.TicksPerMillisecond);
            return new TokenRecord(new OnboardingResult(fields[0], fields[1], fields[2], fields[3]), fetched);
        }
    }
}
