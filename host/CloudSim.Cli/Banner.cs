using System.Globalization;
using System.Text;

namespace CellularIot.CloudSim.Cli;

/// <summary>What the command prints at start: endpoints, CA file, SIMs, a ready-made login and commands to try.</summary>
internal static class Banner
{
    public static string Describe(SimulatedCloud cloud)
    {
        SimulatedCloudOptions options = cloud.Options;
        int onboardingPort = cloud.OnboardingEndpoint.Port;
        int iotPort = cloud.IotEndpoint.Port;
        string ca = cloud.CaCertificatePath;
        var text = new StringBuilder();
        text.AppendLine("CellularIot simulated cloud: 1NCE onboarding API + AWS IoT Core with the 1NCE custom authorizer. Ctrl+C stops it.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"  onboarding API  {cloud.OnboardingUrl}");
        text.AppendLine(CultureInfo.InvariantCulture, $"                  listening on {cloud.OnboardingEndpoint} (SNI {cloud.OnboardingHost} required)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  IoT Core        {cloud.IotHost} port {iotPort}");
        text.AppendLine(CultureInfo.InvariantCulture, $"                  listening on {cloud.IotEndpoint} (SNI required; ALPN mqtt -> MQTT 3.1.1/5;");
        text.AppendLine("                  no ALPN -> HTTPS: WebSocket at /mqtt, POST /topics/<topic>?qos=0|1)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  CA certificate  {ca}  (the device trusts it instead of AmazonRootCA1)");
        text.AppendLine(CultureInfo.InvariantCulture, $"  authorizer      {options.AuthorizerName}; token lifetime {options.TokenLifetime}; keep-alive {options.KeepAliveMinimum.TotalSeconds:0}..{options.KeepAliveMaximum.TotalSeconds:0} s");
        text.AppendLine();
        text.AppendLine("SIMs (the onboarding API knows a SIM by the source address of its connection):");
        foreach (SimCard sim in cloud.Sims.All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {sim.Iccid}  {sim.Address}  {(sim.Active ? "active" : "inactive")}");
        }

        SimCard? first = cloud.Sims.All.FirstOrDefault(s => s.Active);
        if (first is null)
        {
            return text.ToString();
        }

        OnboardingResponse login = cloud.IssueCredentials(first.Iccid);
        string httpQuery = login.Username[login.Username.IndexOf("x-amz-customauthorizer-name", StringComparison.Ordinal)..];
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Onboarding answer for {first.Iccid} (JSON; each request issues a fresh token):");
        text.AppendLine(login.ToJson());
        text.AppendLine("The same as CSV (Accept: text/csv):");
        text.AppendLine(login.ToCsv(options.CsvColumns));
        text.AppendLine();
        text.AppendLine("Try it. The host names must resolve to the listening address: curl takes --resolve; for mosquitto add");
        text.AppendLine(CultureInfo.InvariantCulture, $"'{cloud.IotEndpoint.Address} {cloud.IotHost}' to /etc/hosts.");
        text.AppendLine(CultureInfo.InvariantCulture, $"  curl --cacert {ca} --interface {first.Address} --resolve {cloud.OnboardingHost}:{onboardingPort}:{cloud.OnboardingEndpoint.Address} \\");
        text.AppendLine(CultureInfo.InvariantCulture, $"    -H 'Accept: text/csv' {cloud.OnboardingUrl}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  mosquitto_pub -h {cloud.IotHost} -p {iotPort} --cafile {ca} --tls-alpn mqtt -V mqttv311 \\");
        text.AppendLine(CultureInfo.InvariantCulture, $"    -i {login.ClientId} -u '{login.Username}' \\");
        text.AppendLine(CultureInfo.InvariantCulture, $"    -t '{login.ClientId}/test' -m hello -d");
        text.AppendLine(CultureInfo.InvariantCulture, $"  curl --cacert {ca} --resolve {cloud.IotHost}:{iotPort}:{cloud.IotEndpoint.Address} -X POST \\");
        text.AppendLine(CultureInfo.InvariantCulture, $"    'https://{cloud.IotHost}:{iotPort}/topics/{login.ClientId}/messages?qos=1&{httpQuery}' -d '{{\"data\": \"Lorem Ipsum\"}}'");
        return text.ToString();
    }

    public static string Connections(SimulatedCloud cloud)
    {
        var text = new StringBuilder();
        text.AppendLine("Connections (bytes on the wire, TLS included):");
        foreach (ConnectionStats c in cloud.Connections)
        {
            text.AppendLine(
                CultureInfo.InvariantCulture,
                $"  #{c.Id} {c.Service} {c.Remote} {c.Protocol} {c.ClientId ?? "-"} in {c.BytesIn} out {c.BytesOut}: {c.CloseReason ?? "open"}");
        }

        return text.ToString();
    }
}
