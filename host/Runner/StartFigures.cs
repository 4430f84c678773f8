namespace CellularIot.Runner;

/// <summary>What an <see cref="AtMeter"/> counted for one start of the firmware.</summary>
/// <param name="Start">"cold start" or "warm start".</param>
/// <param name="ToFirstAck">AT command lines written from the start to the first acknowledged message; null without one.</param>
/// <param name="IdleCommands">AT command lines written while nothing was due.</param>
/// <param name="IdleTime">How long nothing was due.</param>
/// <param name="FixedWaitSeconds">Seconds before the first acknowledgement the serial line was silent until the firmware wrote.</param>
public sealed record StartFigures(string Start, int? ToFirstAck, int IdleCommands, TimeSpan IdleTime, double FixedWaitSeconds);
