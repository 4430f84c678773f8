using CellularIot.Cloud.Session;
using CellularIot.Cloud.Token;
using CellularIot.CloudSim;
using CellularIot.Session.Tests.Support;
using Xunit;

namespace CellularIot.Session.Tests;

/// <summary>The login kept in flash across boots: used when intact and valid, replaced by onboarding when not.</summary>
public sealed class StoredLoginTests
{
    private const string OtherIccid = "8988228066600000002";

    [Theory]
    [InlineData(Transport.MqttTls)]
    [InlineData(Transport.WebSocket)]
    public async Task AValidStoredLoginSkipsOnboarding(Transport transport)
    {
        await using SessionRig rig = await SessionRig.StartAsync(new RigSetup { Transport = transport });
        rig.StoreLogin(rig.Iccid);

        rig.RunUntilOnline();

        Assert.Contains("stored login still valid: onboarding skipped", rig.Recorder.DetailsOf(SessionState.Connecting));
        Assert.Equal(0, rig.Session.Onboardings);
        Assert.Empty(rig.Events(CloudEventKind.OnboardingServed));
        Assert.Empty(rig.Events(CloudEventKind.OnboardingRefused));
        Assert.DoesNotContain(rig.Connections(), c => c.Service == CloudService.Onboarding);
        Assert.Single(rig.Simulator.Sockets);
        Assert.Contains(rig.Events(CloudEventKind.AuthAccepted), e => e.ClientId == rig.Iccid);
        rig.AssertHealthy();
    }

    [Fact]
    public async Task TheOlderIntactSlotIsUsedWhenTheNewerOneIsDamaged()
    {
        await using SessionRig rig = await SessionRig.StartAsync();
        rig.StoreLogin(rig.Iccid);
        rig.StoreLogin(rig.Iccid);
        Damage(rig, TokenStore.SlotB, "bit flip");

        rig.RunUntilOnline();

        Assert.Equal(0, rig.Session.Onboardings);
        Assert.Empty(rig.Events(CloudEventKind.OnboardingServed));
        rig.AssertHealthy();
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("bit flip")]
    [InlineData("empty")]
    [InlineData("too large")]
    [InlineData("another SIM's login")]
    [InlineData("a user name without its token")]
    public async Task ADamagedForeignOrUnusableStoredLoginLeadsToOnboardingAgain(string damage)
    {
        await using SessionRig rig = await SessionRig.StartAsync();
        switch (damage)
        {
            case "another SIM's login":
                rig.StoreLogin(OtherIccid);
                break;
            case "a user name without its token":
                // Intact in the store (right CRC), but no login this firmware can send.
                rig.StoreLogin(rig.Iccid, username => username[..username.IndexOf("&token=", StringComparison.Ordinal)]);
                break;
            default:
                rig.StoreLogin(rig.Iccid);
                Damage(rig, TokenStore.SlotA, damage);
                Damage(rig, TokenStore.SlotB, damage);
                break;
        }

        rig.RunUntilOnline();

        Assert.Equal(1, rig.Session.Onboardings);
        Assert.Single(rig.Events(CloudEventKind.OnboardingServed));
        Assert.Contains("onboarded", rig.Recorder.DetailsOf(SessionState.Connecting));

        // The fresh login replaced the damaged one in the store.
        TokenRecord? stored = new TokenStore(rig.Store).Load();
        Assert.NotNull(stored);
        Assert.Equal(rig.Iccid, stored.Credentials.ClientId);
        Assert.Equal(rig.Tokens.Current.Credentials.Username, stored.Credentials.Username);
        rig.AssertHealthy();
    }

    // Writes the slot file as flash might hold it after a power cut or wear, before the device boots.
    private static void Damage(SessionRig rig, string slot, string damage)
    {
        string path = Path.Combine(rig.StoreDirectory, slot);
        byte[] bytes = File.Exists(path) ? File.ReadAllBytes(path) : new byte[TokenStore.HeaderBytes + 64];
        byte[] damaged = damage switch
        {
            "garbage" => [.. Enumerable.Range(0, 700).Select(i => (byte)((i * 73) + 41))],
            "truncated" => bytes[..(bytes.Length / 2)],
            "bit flip" => Flip(bytes, bytes.Length - 10),
            "empty" => [],
            "too large" => [.. bytes, .. new byte[64 * 1024]],
            _ => throw new ArgumentOutOfRangeException(nameof(damage), damage, "unknown damage"),
        };
        File.WriteAllBytes(path, damaged);
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        byte[] copy = [.. bytes];
        copy[at] ^= 0x04;
        return copy;
    }
}
