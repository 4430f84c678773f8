namespace CellularIot.Fuzz;

/// <summary>
/// One parser or handler of the firmware, driven through its public API. <see cref="Run"/> catches exactly the
/// exceptions the API declares; anything else that escapes, or a broken invariant (<see cref="FuzzFindingException"/>),
/// is a finding. Every call is bounded: no target waits on real time longer than its own short timeouts.
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The target's name: the command-line argument and the corpus folder.</summary>
    string Name { get; }

    /// <summary>What the target drives, for the list and the docs.</summary>
    string Description { get; }

    /// <summary>Inputs that reach the deep paths (valid answers, near misses); written to the corpus folder.</summary>
    IEnumerable<byte[]> Seeds();

    /// <summary>Runs one case.</summary>
    void Run(byte[] data);
}
