namespace CellularIot.CloudSim.Mqtt;

/// <summary>Why the policy or a limit refuses an action, and which kind of event records it.</summary>
internal sealed record PolicyRefusal(CloudEventKind Kind, string Reason);
