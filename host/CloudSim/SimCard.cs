using System.Net;

namespace CellularIot.CloudSim;

/// <summary>
/// One simulated 1NCE SIM. The onboarding API knows a SIM only by the address its modem's data connection comes
/// from (in 1NCE's network the SIM's IP identifies it); here each simulated modem binds its own 127.x.y.z address.
/// </summary>
/// <param name="Iccid">The SIM's ICCID: the MQTT client ID and the first topic level the policy allows.</param>
/// <param name="Address">The source address the SIM's connections come from.</param>
/// <param name="Active">An inactive SIM is answered 404 by the onboarding API, as 1NCE answers a deactivated one.</param>
public sealed record SimCard(string Iccid, IPAddress Address, bool Active = true);
