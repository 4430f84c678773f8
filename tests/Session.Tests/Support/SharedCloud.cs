using CellularIot.CloudSim;
using CellularIot.Session.Tests.Support;
using Xunit;

[assembly: AssemblyFixture(typeof(SharedCloud))]

namespace CellularIot.Session.Tests.Support;

/// <summary>
/// One simulated cloud with the default settings for every test that needs no other: each test registers its own SIM
/// (ICCID and address), and the policy keeps SIMs apart as AWS does. Starting a cloud costs five RSA key pairs, most
/// of the suite's CPU time if every test did it.
/// </summary>
public sealed class SharedCloud : IAsyncLifetime
{
    private static SimulatedCloud? instance;

    /// <summary>The running cloud.</summary>
    internal static SimulatedCloud Instance => instance ?? throw new InvalidOperationException("the shared cloud starts before the first test");

    public async ValueTask InitializeAsync()
    {
        var cloud = new SimulatedCloud(new SimulatedCloudOptions());
        await cloud.StartAsync(TestContext.Current.CancellationToken);
        instance = cloud;
    }

    public async ValueTask DisposeAsync()
    {
        if (instance is not null)
        {
            await instance.DisposeAsync();
        }
    }
}
