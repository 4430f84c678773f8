using System.Net;
using CellularIot.CloudSim.Tests.Support;
using Xunit;

namespace CellularIot.CloudSim.Tests;

public sealed class FormatTests
{
    [Fact]
    public void CsvQuotesEveryFieldDoublesQuotesAndWritesNewlinesAsBackslashN()
    {
        var answer = new OnboardingResponse("u?a=1&b=\"x\"", "line1\nline2", "8988", "crlf\r\nend");

        string csv = answer.ToCsv([OnboardingField.Username, OnboardingField.IotCoreEndpointUrl, OnboardingField.ClientId, OnboardingField.AmazonRootCaUrl]);

        Assert.Equal("\"u?a=1&b=\"\"x\"\"\",\"line1\\nline2\",\"8988\",\"crlf\\nend\"", csv);
    }

    [Fact]
    public void JsonKeepsQueryCharactersUnescapedAsExpressWrites()
    {
        var answer = new OnboardingResponse("8988?x-amz-customauthorizer-name=n&x-amz-customauthorizer-signature=a%2Bb%3D&token=t", "host", "8988", "https://ca");

        Assert.Equal(
            """{"username":"8988?x-amz-customauthorizer-name=n&x-amz-customauthorizer-signature=a%2Bb%3D&token=t","iotCoreEndpointUrl":"host","clientId":"8988","amazonRootCaUrl":"https://ca"}""",
            answer.ToJson());
    }

    [Theory]
    [InlineData("columns")]
    [InlineData("keep-alive")]
    [InlineData("token")]
    public void InconsistentOptionsAreRefused(string what)
    {
        SimulatedCloudOptions options = what switch
        {
            "columns" => new SimulatedCloudOptions { CsvColumns = [OnboardingField.ClientId, OnboardingField.ClientId, OnboardingField.Username, OnboardingField.AmazonRootCaUrl] },
            "keep-alive" => new SimulatedCloudOptions { KeepAliveMinimum = TimeSpan.FromSeconds(10), KeepAliveMaximum = TimeSpan.FromSeconds(5) },
            _ => new SimulatedCloudOptions { TokenLifetime = TimeSpan.Zero },
        };

        Assert.Throws<ArgumentException>(() => new SimulatedCloud(options));
    }

    [Fact]
    public void RegistryRefusesTwoSimsOnOneAddressAndFindsByAddress()
    {
        var registry = new SimRegistry(TestCloud.Sims);

        Assert.Throws<ArgumentException>(() => registry.Add(new SimCard("8988228066600000077", TestCloud.SimAddress)));
        Assert.Throws<ArgumentException>(() => registry.Add(new SimCard("89-88", IPAddress.Parse("127.0.0.50"))));
        Assert.Equal(TestCloud.OtherIccid, registry.FindByAddress(TestCloud.OtherSimAddress.MapToIPv6())?.Iccid);
        Assert.Null(registry.FindByAddress(TestCloud.UnknownAddress));
    }

    [Fact]
    public async Task HostMapPointsBothNamesAtTheirListeners()
    {
        await using SimulatedCloud cloud = await TestCloud.StartAsync();

        Assert.Equal(cloud.OnboardingEndpoint, cloud.HostMap["device.connectivity-suite.cloud"]);
        Assert.Equal(cloud.IotEndpoint, cloud.HostMap[cloud.IotHost]);
        Assert.NotEqual(cloud.OnboardingEndpoint.Port, cloud.IotEndpoint.Port);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", await File.ReadAllTextAsync(cloud.CaCertificatePath, TestCloud.Bounded()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopRemovesTheTemporaryCaFolderAndRefusesUse()
    {
        var cloud = new SimulatedCloud(new SimulatedCloudOptions { Sims = TestCloud.Sims });
        Assert.Throws<InvalidOperationException>(() => cloud.IssueCredentials(TestCloud.Iccid));
        await cloud.StartAsync(TestCloud.Bounded());
        string ca = cloud.CaCertificatePath;

        await cloud.StopAsync();

        Assert.False(File.Exists(ca));
        Assert.Throws<InvalidOperationException>(() => cloud.IotEndpoint);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => cloud.StartAsync(TestCloud.Bounded()));
    }
}
