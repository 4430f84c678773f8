using System.Net;

namespace CellularIot.ModemSim.Net;

/// <summary>Where and how a socket connects.</summary>
/// <param name="Host">The host as named in CAOPEN.</param>
/// <param name="Target">The address to connect to; null when the host is to be resolved with DNS.</param>
/// <param name="Port">The port to use when resolving with DNS.</param>
/// <param name="Source">The local address to bind; null binds none.</param>
/// <param name="TimeoutMs">How long connect and handshake may take together.</param>
/// <param name="Tls">The TLS handshake; null for plain TCP.</param>
internal sealed record ConnectPlan(string Host, IPEndPoint? Target, int Port, IPAddress? Source, int TimeoutMs, TlsPlan? Tls);
