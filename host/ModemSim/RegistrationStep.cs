namespace CellularIot.ModemSim;

/// <summary>
/// One step of the registration script: the network reports <paramref name="Stat"/> (the +CEREG stat: 0 not
/// searching, 1 home, 2 searching, 3 denied, 5 roaming) for <paramref name="DurationMs"/> milliseconds after the
/// radio comes on. The last step of a script holds for ever, whatever its duration.
/// </summary>
/// <param name="Stat">The registration status reported during this step.</param>
/// <param name="DurationMs">How long the step lasts.</param>
public sealed record RegistrationStep(int Stat, int DurationMs);
