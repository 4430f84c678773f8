using CellularIot.Bytes;
using CellularIot.Text;
using Xunit;

namespace CellularIot.Mqtt.Tests;

/// <summary>
/// Host only, for the reason <see cref="HostOnlyStringTests"/> gives: a lone surrogate does not survive in a
/// nanoFramework string, so only the PC build can hand one to the JSON writer of replies and telemetry.
/// </summary>
public sealed class HostOnlyJsonTests
{
    // Built in code: a test case's text with a lone surrogate does not survive the test runner's serialisation.
    [Theory]
    [InlineData(0xD83D, "")]
    [InlineData(0xDE00, "b")]
    public void TheJsonWriterRefusesALoneSurrogate(int surrogate, string after)
    {
        string text = "a" + (char)surrogate + after;
        Assert.Equal(2 + after.Length, text.Length);
        var json = new JsonBuffer(64);
        json.BeginObject();
        Assert.Throws<Utf8Exception>(() => json.Property("s", text));
    }
}
