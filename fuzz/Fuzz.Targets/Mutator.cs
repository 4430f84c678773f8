namespace CellularIot.Fuzz;

/// <summary>
/// Makes new cases from seeds the way coverage-blind fuzzers do: bit flips, boundary bytes, bytes that steer the
/// parsers (line ends, separators, quotes, digits), inserted and deleted runs, copies and splices between seeds.
/// Deterministic for a given <see cref="Random"/>.
/// </summary>
public static class Mutator
{
    private static readonly byte[] Interesting =
    [
        0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0xC0, 0xED, 0xF4, (byte)'\r', (byte)'\n', (byte)',', (byte)'"', (byte)':',
        (byte)'=', (byte)'&', (byte)'%', (byte)'\\', (byte)'/', (byte)'#', (byte)'+', (byte)'{', (byte)'}', (byte)'[',
        (byte)']', (byte)' ', (byte)'0', (byte)'1', (byte)'9', (byte)'-', (byte)'.', (byte)'?',
    ];

    /// <summary>A fresh case: random bytes, short more often than long.</summary>
    public static byte[] Random(Random random, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(random);
        int length = random.Next(4) == 0 ? random.Next(maxLength + 1) : random.Next(Math.Min(32, maxLength) + 1);
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>One to eight mutations of <paramref name="seed"/>, splicing from <paramref name="pool"/> now and then.</summary>
    public static byte[] Mutate(Random random, byte[] seed, IReadOnlyList<byte[]> pool, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(pool);
        var bytes = new List<byte>(seed);
        int rounds = 1 + random.Next(random.Next(2) == 0 ? 2 : 8);
        for (int round = 0; round < rounds; round++)
        {
            MutateOnce(random, bytes, pool);
        }

        if (bytes.Count > maxLength)
        {
            bytes.RemoveRange(maxLength, bytes.Count - maxLength);
        }

        return [.. bytes];
    }

    private static void MutateOnce(Random random, List<byte> bytes, IReadOnlyList<byte[]> pool)
    {
        int at = random.Next(bytes.Count + 1);
        switch (random.Next(10))
        {
            case 0 when bytes.Count > 0:
                bytes[Math.Min(at, bytes.Count - 1)] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes[Math.Min(at, bytes.Count - 1)] = (byte)random.Next(256);
                break;
            case 2 when bytes.Count > 0:
                bytes[Math.Min(at, bytes.Count - 1)] = Interesting[random.Next(Interesting.Length)];
                break;
            case 3:
                bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                break;
            case 4:
                byte[] run = new byte[1 + random.Next(16)];
                random.NextBytes(run);
                bytes.InsertRange(at, run);
                break;
            case 5 when bytes.Count > 0:
                int start = Math.Min(at, bytes.Count - 1);
                bytes.RemoveRange(start, Math.Min(bytes.Count - start, 1 + random.Next(16)));
                break;
            case 6 when bytes.Count > 0:
                int from = random.Next(bytes.Count);
                int count = Math.Min(bytes.Count - from, 1 + random.Next(64));
                bytes.InsertRange(at, bytes.GetRange(from, count));
                break;
            case 7 when pool.Count > 0:
                byte[] other = pool[random.Next(pool.Count)];
                if (other.Length > 0)
                {
                    int otherFrom = random.Next(other.Length);
                    bytes.InsertRange(at, other.AsSpan(otherFrom, Math.Min(other.Length - otherFrom, 1 + random.Next(128))).ToArray());
                }

                break;
            case 8 when bytes.Count > 0:
                bytes.RemoveRange(at == bytes.Count ? bytes.Count - 1 : at, bytes.Count - (at == bytes.Count ? bytes.Count - 1 : at));
                break;
            default:
                // A decimal number where the parsers look for counts and lengths.
                byte[] digits = System.Text.Encoding.ASCII.GetBytes(BoundaryNumber(random).ToString(System.Globalization.CultureInfo.InvariantCulture));
                bytes.InsertRange(at, digits);
                break;
        }
    }

    private static long BoundaryNumber(Random random)
    {
        long[] numbers = [0, 1, -1, 2, 7, 8, 127, 128, 255, 256, 1023, 1024, 1460, 4095, 4096, 65535, 65536, int.MaxValue, (long)int.MaxValue + 1, long.MaxValue];
        return numbers[random.Next(numbers.Length)];
    }
}
