using CellularIot.App.Config;
using CellularIot.Board;
using CellularIot.Modem;
using CellularIot.Modem.Quectel;
using CellularIot.Modem.Sim7080;
using CellularIot.ModemSim;

namespace CellularIot.Runner;

/// <summary>
/// The PC's composition root for the modem: the device's choice (device.conf <c>modem</c>, <c>--modem</c>, or the
/// simulated module's model) and both families' driver settings, so that a run or a test tunes them once whatever
/// the modem. The board's Program makes the same choice with <see cref="ModemFactories"/>.
/// </summary>
public sealed class ModemDrivers
{
    /// <summary>Settings for <paramref name="settings"/>' APN and radio; <paramref name="choice"/> is resolved (never Board).</summary>
    public ModemDrivers(DeviceSettings settings, ModemChoice choice)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Choice = choice == ModemChoice.Board ? settings.ResolveModem() : choice;
        Sim7080 = Sim7080Settings.For(settings.Apn, settings.Radio);
        Quectel = QuectelSettings.For(settings.Apn, settings.Radio);
    }

    /// <summary>Which driver the device runs.</summary>
    public ModemChoice Choice { get; }

    /// <summary>The SIM7080G driver's settings.</summary>
    public Sim7080Settings Sim7080 { get; }

    /// <summary>The Quectel BG95/BG96 driver's settings.</summary>
    public QuectelSettings Quectel { get; }

    /// <summary>The choice a simulated module of <paramref name="model"/> asks for.</summary>
    public static ModemChoice ChoiceOf(ModemModel model) => model switch
    {
        ModemModel.Bg95 => ModemChoice.Bg95,
        ModemModel.Bg96 => ModemChoice.Bg96,
        _ => ModemChoice.Sim7080,
    };

    /// <summary>The module a simulated world plays for <paramref name="choice"/>: auto has to find a BG95 by asking it.</summary>
    public static ModemModel SimulatedModelFor(ModemChoice choice) => choice switch
    {
        ModemChoice.Bg95 or ModemChoice.Auto => ModemModel.Bg95,
        ModemChoice.Bg96 => ModemModel.Bg96,
        _ => ModemModel.Sim7080,
    };

    /// <summary>The command line's and device.conf's name of a choice.</summary>
    public static string NameOf(ModemChoice choice) => choice switch
    {
        ModemChoice.Bg95 => "bg95",
        ModemChoice.Bg96 => "bg96",
        ModemChoice.Auto => "auto",
        _ => "sim7080",
    };

    /// <summary>The factory of the chosen driver, switched by <paramref name="powerKey"/>.</summary>
    public IModemFactory FactoryFor(IPowerKey powerKey) => Choice switch
    {
        ModemChoice.Bg95 or ModemChoice.Bg96 => new QuectelFactory(powerKey, Quectel),
        ModemChoice.Auto => new AutoModemFactory(powerKey, Sim7080, Quectel),
        _ => new Sim7080Factory(powerKey, Sim7080),
    };
}
