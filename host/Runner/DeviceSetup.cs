using CellularIot.App;
using CellularIot.App.Config;
using CellularIot.Cloud.Session;

namespace CellularIot.Runner;

/// <summary>The device's settings and the run's plan from the command line (and a device.conf when given).</summary>
public static class DeviceSetup
{
    // A first attach of a real modem can take minutes; the simulated one boots and registers in seconds.
    private const int SimulatedSlackSeconds = 60;
    private const int RealSlackSeconds = 300;
    private const int PingAfterAck = 2;

    /// <summary>The device's settings: the file's or the defaults, with the runner's interval, transport and speed on top.</summary>
    /// <exception cref="SettingsException">The file is not a valid device.conf.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static DeviceSettings Settings(RunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DeviceSettings settings;
        if (options.ConfigFile is null)
        {
            settings = new DeviceSettings { PublishIntervalSeconds = RunnerOptions.DefaultIntervalSeconds };
        }
        else
        {
            var file = new FileInfo(options.ConfigFile);
            if (file.Exists && file.Length > DeviceSettingsParser.MaxFileBytes)
            {
                throw new SettingsException($"{options.ConfigFile} is longer than {DeviceSettingsParser.MaxFileBytes} bytes");
            }

            settings = DeviceSettingsParser.Parse(File.ReadAllBytes(options.ConfigFile));
        }

        if (options.IntervalSeconds is { } interval)
        {
            settings.PublishIntervalSeconds = interval;
        }

        if (options.Transport is { } transport)
        {
            settings.Transport = transport;
        }

        if (options.Modem is { } modem)
        {
            settings.Modem = modem;
        }

        return settings;
    }

    /// <summary>The session's settings for <paramref name="settings"/>, with the runner's keep-alive.</summary>
    public static SessionSettings Session(RunnerOptions options, DeviceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        SessionSettings session = Device.SessionSettingsFor(settings);
        if (options.KeepAliveSeconds is { } keepAlive)
        {
            session.KeepAliveSeconds = keepAlive;
        }

        return session;
    }

    /// <summary>
    /// The plan: the messages asked for (5 when neither a count nor a duration is given), a duration with room for
    /// the bring-up and two intervals a message, and in the simulated world a ping after the second ack (the first
    /// when only one message is asked for), unless the device publishes with HTTPS POST and so takes no commands.
    /// </summary>
    public static RunPlan Plan(RunnerOptions options, DeviceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        int? messages = options.Messages ?? (options.DurationSeconds is null ? RunnerOptions.DefaultMessages : null);
        int seconds = options.DurationSeconds
            ?? (options.Simulated ? SimulatedSlackSeconds : RealSlackSeconds) + (2 * (messages ?? 1) * settings.PublishIntervalSeconds);
        bool commands = options.Simulated && !options.NoPing && settings.Transport != TransportChoice.HttpsPost;
        int ping = commands ? Math.Min(PingAfterAck, messages ?? PingAfterAck) : 0;
        return new RunPlan(messages, TimeSpan.FromSeconds(seconds), ping);
    }
}
