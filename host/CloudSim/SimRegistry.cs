using System.Net;

namespace CellularIot.CloudSim;

/// <summary>The SIMs the simulated onboarding API knows, by ICCID and by source address. Safe to change while running.</summary>
public sealed class SimRegistry
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SimCard> byIccid = new(StringComparer.Ordinal);

    /// <summary>Creates a registry holding <paramref name="sims"/>.</summary>
    public SimRegistry(IEnumerable<SimCard> sims)
    {
        ArgumentNullException.ThrowIfNull(sims);
        foreach (SimCard sim in sims)
        {
            Add(sim);
        }
    }

    /// <summary>Every SIM, ordered by ICCID.</summary>
    public IReadOnlyList<SimCard> All
    {
        get
        {
            lock (gate)
            {
                return [.. byIccid.Values.OrderBy(s => s.Iccid, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Adds a SIM, or replaces the one with the same ICCID. Two SIMs cannot share a source address.</summary>
    public void Add(SimCard sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        if (sim.Iccid.Length == 0 || !sim.Iccid.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"An ICCID is decimal digits, not '{sim.Iccid}'.", nameof(sim));
        }

        lock (gate)
        {
            SimCard? other = byIccid.Values.FirstOrDefault(s => s.Address.Equals(sim.Address) && s.Iccid != sim.Iccid);
            if (other is not null)
            {
                throw new ArgumentException($"Address {sim.Address} already identifies SIM {other.Iccid}.", nameof(sim));
            }

            byIccid[sim.Iccid] = sim;
        }
    }

    /// <summary>Activates or deactivates a known SIM.</summary>
    public void SetActive(string iccid, bool active)
    {
        lock (gate)
        {
            if (!byIccid.TryGetValue(iccid, out SimCard? sim))
            {
                throw new KeyNotFoundException($"No SIM {iccid}.");
            }

            byIccid[iccid] = sim with { Active = active };
        }
    }

    /// <summary>The SIM with this ICCID, or null.</summary>
    public SimCard? Find(string iccid)
    {
        lock (gate)
        {
            return byIccid.GetValueOrDefault(iccid);
        }
    }

    /// <summary>The SIM whose connections come from <paramref name="address"/>, or null.</summary>
    public SimCard? FindByAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        IPAddress plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        lock (gate)
        {
            return byIccid.Values.FirstOrDefault(s => s.Address.Equals(plain));
        }
    }
}
