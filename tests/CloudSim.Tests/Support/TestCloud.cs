using System.Net;
using Xunit;

namespace CellularIot.CloudSim.Tests.Support;

/// <summary>The SIMs every test cloud knows, and a way to start a cloud with them.</summary>
internal static class TestCloud
{
    public const string Iccid = "8988228066600000001";
    public const string OtherIccid = "8988228066600000002";
    public const string InactiveIccid = "8988228066600000003";

    public static readonly IPAddress SimAddress = IPAddress.Parse("127.0.0.2");
    public static readonly IPAddress OtherSimAddress = IPAddress.Parse("127.0.0.3");
    public static readonly IPAddress InactiveSimAddress = IPAddress.Parse("127.0.0.4");
    public static readonly IPAddress UnknownAddress = IPAddress.Parse("127.0.0.9");

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<SimCard> Sims { get; } =
    [
        new(Iccid, SimAddress),
        new(OtherIccid, OtherSimAddress),
        new(InactiveIccid, InactiveSimAddress, Active: false),
    ];

    public static Task<SimulatedCloud> StartAsync() => StartAsync(new SimulatedCloudOptions { Sims = Sims });

    public static async Task<SimulatedCloud> StartAsync(SimulatedCloudOptions options)
    {
        var cloud = new SimulatedCloud(options);
        await cloud.StartAsync(Bounded());
        return cloud;
    }

    /// <summary>
    /// The test's cancellation, and at most <paramref name="timeout"/> (default <see cref="Wait"/>) from now: every
    /// network operation in these tests is bounded, so a missing answer fails a test instead of hanging the run.
    /// </summary>
    public static CancellationToken Bounded(TimeSpan? timeout = null)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        source.CancelAfter(timeout ?? Wait);
        return source.Token;
    }

    /// <summary>The first event of <paramref name="kind"/> (for <paramref name="clientId"/> when given), or a timeout naming the last events.</summary>
    public static Task<CloudEvent> WaitForEventAsync(this SimulatedCloud cloud, CloudEventKind kind, string? clientId = null)
        => cloud.Events.WaitForAsync(e => e.Kind == kind && (clientId is null || e.ClientId == clientId), Wait, TestContext.Current.CancellationToken);
}
