namespace CellularIot.ModemSim.Net;

/// <summary>Where a socket is in its life.</summary>
internal enum SocketPhase
{
    /// <summary>CAOPEN accepted, TCP connect or TLS handshake under way.</summary>
    Connecting,

    /// <summary>Connected: CASEND and CARECV work.</summary>
    Open,

    /// <summary>Closed by the peer or by PDP loss: buffered data can still be read until CACLOSE.</summary>
    Closed,
}
