using System.Globalization;
using CellularIot.Fuzz;
using SharpFuzz;

// fuzz/Fuzz.Runner: see fuzz/README.md.
//   list                                   the targets
//   seeds                                  writes every target's built-in seeds to fuzz/corpus/<target>/
//   run <target|all> [--cases N] [--seed S] [--minutes M] [--findings DIR]
//                                          deterministic campaign: the stored seeds, then N cases made from seed S
//   afl <target>                           one target under AFL++ (afl-fuzz runs this; the firmware must be instrumented)
//   libfuzzer <target>                     one target under libFuzzer (libfuzzer-dotnet runs this)
//   repro <target> <file>                  runs one input and prints what escapes
return args.Length == 0 ? Usage() : args[0] switch
{
    "list" => List(),
    "seeds" => WriteSeeds(),
    "run" when args.Length >= 2 => RunCampaigns(args[1], Options(args)),
    "afl" when args.Length == 2 => Afl(Target(args[1])),
    "libfuzzer" when args.Length == 2 => LibFuzzer(Target(args[1])),
    "repro" when args.Length == 3 => Repro(Target(args[1]), args[2]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Fuzz.Runner list | seeds | run <target|all> [--cases N] [--seed S] [--minutes M] [--findings DIR] | afl <target> | libfuzzer <target> | repro <target> <file>");
    return 2;
}

static int List()
{
    foreach (IFuzzTarget target in FuzzTargets.All)
    {
        Console.WriteLine($"{target.Name,-22} {target.Description}");
    }

    return 0;
}

static int WriteSeeds()
{
    string root = Corpus.FindRoot() ?? throw new InvalidOperationException("no fuzz/corpus folder above the current directory");
    foreach (IFuzzTarget target in FuzzTargets.All)
    {
        Console.WriteLine($"{target.Name}: {Corpus.Write(root, target)} seed(s)");
    }

    return 0;
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (int i = 2; i + 1 < args.Length; i += 2)
    {
        options[args[i]] = args[i + 1];
    }

    return options;
}

static int RunCampaigns(string which, Dictionary<string, string> options)
{
    long cases = options.TryGetValue("--cases", out string? c) ? long.Parse(c, CultureInfo.InvariantCulture) : 100_000;
    int seed = options.TryGetValue("--seed", out string? s) ? int.Parse(s, CultureInfo.InvariantCulture) : 1;
    TimeSpan budget = options.TryGetValue("--minutes", out string? m) ? TimeSpan.FromMinutes(double.Parse(m, CultureInfo.InvariantCulture)) : Timeout.InfiniteTimeSpan;
    string? findings = options.TryGetValue("--findings", out string? f) ? f : null;
    string? root = Corpus.FindRoot();
    // A minute per case: a campaign runs at the lowest priority on a shared machine, where the real-time targets
    // (sim7080) can be starved for seconds; a real hang still shows, a busy neighbour does not.
    var campaign = new Campaign { MaxFindings = 20, TimeBudget = budget, CaseTimeout = TimeSpan.FromMinutes(1) };
    int found = 0;
    foreach (IFuzzTarget target in which == "all" ? FuzzTargets.All : [Target(which)])
    {
        CampaignResult result = campaign.Run(target, Corpus.Load(root, target.Name), cases, seed, r => Console.WriteLine("  " + r));
        Console.WriteLine(result);
        foreach (Finding finding in result.Findings)
        {
            found++;
            Console.WriteLine($"FINDING {target.Name} input {finding.InputHex}\n{(finding.What.Length > 1500 ? finding.What[..1500] : finding.What)}\n");
            if (findings != null)
            {
                Directory.CreateDirectory(Path.Combine(findings, target.Name));
                File.WriteAllBytes(Path.Combine(findings, target.Name, $"finding-{found:D3}"), finding.Input);
            }
        }
    }

    return found == 0 ? 0 : 1;
}

static IFuzzTarget Target(string name)
    => FuzzTargets.Find(name) ?? throw new ArgumentException($"no target '{name}' (see 'list')", nameof(name));

static int Afl(IFuzzTarget target)
{
    // Out of process: the fork server restarts the target's process after a crash, and a hang is AFL's to time out.
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        target.Run(copy.ToArray());
    });
    return 0;
}

static int LibFuzzer(IFuzzTarget target)
{
    Fuzzer.LibFuzzer.Run(span => target.Run(span.ToArray()));
    return 0;
}

static int Repro(IFuzzTarget target, string file)
{
    target.Run(File.ReadAllBytes(file));
    Console.WriteLine("nothing escaped");
    return 0;
}
