using CellularIot.Fuzz.Targets;

namespace CellularIot.Fuzz;

/// <summary>Every fuzz target, by name.</summary>
public static class FuzzTargets
{
    /// <summary>All targets, in the order the docs list them.</summary>
    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        new AtFramerTarget(),
        new AtReceiverTarget(),
        new AtFieldsTarget(),
        new Sim7080Target(),
        new HttpResponseTarget(),
        new WebSocketHandshakeTarget(),
        new WebSocketFramesTarget(),
        new MqttFramerTarget(),
        new MqttClientTarget(),
        new OnboardingTarget("onboarding-csv", "text/csv"),
        new OnboardingTarget("onboarding-json", "application/json"),
        new TokenTarget(),
        new FlashStoresTarget(),
        new CommandsTarget(),
        new DeviceConfTarget(),
        new TopicRulesTarget(),
        new Utf8Target(),
        new TextTarget(),
        new DeviceTarget(),
    ];

    /// <summary>The target called <paramref name="name"/>, or null.</summary>
    public static IFuzzTarget Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
