using System.Diagnostics;

namespace CellularIot.Fuzz;

/// <summary>
/// A deterministic, coverage-blind fuzzing run: every seed first, then cases made from a fixed seed (random bytes,
/// mutated and spliced seeds), each through <see cref="IFuzzTarget.Run"/>. A watchdog on another thread turns a
/// case that runs longer than the case time-out into a hang finding, so no run can wait for ever.
/// </summary>
public sealed class Campaign
{
    /// <summary>Longest input a case gets.</summary>
    public int MaxLength { get; init; } = 2048;

    /// <summary>A case running longer is a hang.</summary>
    public TimeSpan CaseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Stop after this many findings.</summary>
    public int MaxFindings { get; init; } = 1;

    /// <summary>Stop making new cases after this long (the seeds always run); infinite by default.</summary>
    public TimeSpan TimeBudget { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Runs the seeds and <paramref name="cases"/> generated cases of <paramref name="target"/> from <paramref name="seed"/>.</summary>
    public CampaignResult Run(IFuzzTarget target, IReadOnlyList<byte[]> seeds, long cases, int seed, Action<CampaignResult> progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(seeds);
        var pool = seeds.Concat(target.Seeds()).DistinctBy(Convert.ToHexString).ToList();
        var result = new CampaignResult { Target = target.Name, HeapBefore = Heap() };
        var clock = Stopwatch.StartNew();
        byte[] current = [];
        long startedTicks = 0;
        bool finished = false;
        var worker = new Thread(
            () =>
        {
            var random = new Random(seed);
            long total = pool.Count + cases;
            for (long i = 0; i < total && result.Findings.Count < MaxFindings; i++)
            {
                if (i >= pool.Count && TimeBudget != Timeout.InfiniteTimeSpan && clock.Elapsed > TimeBudget)
                {
                    break;
                }

                byte[] input = i < pool.Count ? pool[(int)i]
                    : random.Next(8) == 0 || pool.Count == 0 ? Mutator.Random(random, MaxLength)
                    : Mutator.Mutate(random, pool[random.Next(pool.Count)], pool, MaxLength);
                Volatile.Write(ref current, input);
                Volatile.Write(ref startedTicks, clock.ElapsedTicks);
                try
                {
                    target.Run(input);
                }
#pragma warning disable CA1031 // Whatever escapes a target is the finding.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    lock (result.Findings)
                    {
                        result.Findings.Add(new Finding(input, ex.ToString()));
                    }
                }

                result.Cases = i + 1;
                if (progress != null && result.Cases % 100_000 == 0)
                {
                    result.Elapsed = clock.Elapsed;
                    progress(result);
                }
            }

            Volatile.Write(ref finished, true);
        },
            16 * 1024 * 1024)
        { IsBackground = true, Name = "fuzz " + target.Name };
        worker.Start();
        while (!worker.Join(100))
        {
            long started = Volatile.Read(ref startedTicks);
            if (!Volatile.Read(ref finished) && clock.ElapsedTicks - started > CaseTimeout.TotalSeconds * Stopwatch.Frequency)
            {
                lock (result.Findings)
                {
                    result.Findings.Add(new Finding(Volatile.Read(ref current), $"hang: one case ran longer than {CaseTimeout.TotalSeconds} s"));
                }

                break;
            }
        }

        result.Elapsed = clock.Elapsed;
        result.HeapAfter = Heap();
        return result;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }
}
