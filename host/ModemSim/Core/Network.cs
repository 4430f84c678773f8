using System.Globalization;

namespace CellularIot.ModemSim.Core;

/// <summary>
/// The cellular side: registration following the configured script (overridden by a missing SIM, the radio being
/// off or an injected denial), its +CEREG URCs, the application PDP context (CNACT), and network time.
/// </summary>
internal sealed class Network(ModemCore modem)
{
    // The location +CEREG reports in mode 2 while registered: tac, cell id, AcT 7 (E-UTRAN, as LTE-M reports).
    private const string Location = "\"1A2B\",\"01A2D303\",7";

    private int step = -1;
    private ScheduledAction? stepTimer;
    private ScheduledAction? activation;

    /// <summary>The registration status +CEREG reports.</summary>
    public int Stat { get; private set; }

    public bool Registered => Stat is 1 or 5;

    /// <summary>An injected denial: the network reports 3 until it is lifted. Survives reboots (it is the network's doing).</summary>
    public bool Denied { get; private set; }

    /// <summary>No SIM in the slot. Survives reboots.</summary>
    public bool SimMissing { get; private set; }

    public bool PdpActive { get; private set; }

    public void RadioOn()
    {
        stepTimer?.Cancel();
        step = 0;
        ScheduleNextStep();
        Refresh();
    }

    public void RadioOff()
    {
        stepTimer?.Cancel();
        step = -1;
        Refresh();
    }

    /// <summary>Power is gone: state resets without any URC.</summary>
    public void PowerLost()
    {
        stepTimer?.Cancel();
        activation?.Cancel();
        activation = null;
        step = -1;
        Stat = 0;
        PdpActive = false;
    }

    public void SetDenied(bool denied)
    {
        Denied = denied;
        Refresh();
    }

    public void SetSimMissing(bool missing)
    {
        SimMissing = missing;
        Refresh();
    }

    /// <summary>The +CEREG? answer.</summary>
    public string ReadLine()
    {
        int mode = modem.Session.CeregMode;
        return string.Create(CultureInfo.InvariantCulture, $"+CEREG: {mode},{Stat}") + (mode == 2 && Registered ? "," + Location : string.Empty);
    }

    /// <summary>AT+CNACT=0,1 after its OK; false when the context is active or activating (the command then fails).</summary>
    public bool Activate()
    {
        if (PdpActive || activation is not null)
        {
            return false;
        }

        activation = modem.Later(modem.Options.PdpActivationDelayMs, () =>
        {
            activation = null;
            if (Registered)
            {
                PdpActive = true;
                modem.Urc(modem.Dialect.PdpActivated!);
            }
            else
            {
                modem.Urc(modem.Dialect.PdpDeactivated(byHost: false)!);
            }
        });
        return true;
    }

    /// <summary>
    /// Quectel's AT+QIACT=1 after its activation time: the context comes up when registered (true), and the command's
    /// own OK says so; false when not registered.
    /// </summary>
    public bool ActivateNow()
    {
        PdpActive = Registered;
        return PdpActive;
    }

    /// <summary>
    /// Deactivates the context (CNACT=0,0 or QIDEACT by the host, network loss or an injected fault): the dialect's URC
    /// (none for a host's own QIDEACT), then its sockets close.
    /// </summary>
    public void Deactivate(bool byHost = false)
    {
        activation?.Cancel();
        activation = null;
        PdpActive = false;
        if (modem.Dialect.PdpDeactivated(byHost) is { } urc)
        {
            modem.Urc(urc);
        }

        modem.Sockets.NetworkLost();
    }

    /// <summary>The +CNACT? lines: context 0 as it is, 1..3 never activated here.</summary>
    public IEnumerable<string> ContextLines()
    {
        yield return PdpActive ? $"+CNACT: 0,1,\"{modem.Options.PdpAddress}\"" : "+CNACT: 0,0,\"0.0.0.0\"";
        for (int i = 1; i < 4; i++)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"+CNACT: {i},0,\"0.0.0.0\"");
        }
    }

    /// <summary>Takes network time if AT+CLTS=1 asked for it and the network is there.</summary>
    public void SyncClock()
    {
        if (Registered && modem.Session.Clts && !modem.Session.ClockSynced)
        {
            modem.Clock.SyncToNetwork();
            modem.Session.ClockSynced = true;
            if (modem.Options.Profile.NetworkTimeLines)
            {
                // Field modules report the network's time unprompted, two of the three lines without a '+'.
                DateTimeOffset now = modem.Clock.Now;
                string zone = Commands.GeneralCommands.PsuttzTime(now)[^6..^3];
                modem.Urc("*PSUTTZ: " + Commands.GeneralCommands.PsuttzTime(now));
                modem.Urc("DST: 0");
                modem.Urc("+CTZV: " + zone + ",0");
            }
        }
    }

    /// <summary>Recomputes the status and acts on a change: URC, PDP loss, network time.</summary>
    public void Refresh()
    {
        int stat = ComputeStat();
        if (stat != Stat)
        {
            Stat = stat;
            int mode = modem.Session.CeregMode;
            if (mode > 0)
            {
                modem.Urc(string.Create(CultureInfo.InvariantCulture, $"+CEREG: {Stat}") + (mode == 2 && Registered ? "," + Location : string.Empty));
            }

            if (!Registered && PdpActive)
            {
                Deactivate();
            }
        }

        SyncClock();
    }

    private int ComputeStat()
    {
        if (SimMissing || step < 0 || modem.Power != PowerState.On)
        {
            return 0;
        }

        return Denied ? 3 : modem.Options.RegistrationScript[step].Stat;
    }

    private void ScheduleNextStep()
    {
        IReadOnlyList<RegistrationStep> script = modem.Options.RegistrationScript;
        if (step < script.Count - 1)
        {
            stepTimer = modem.Later(script[step].DurationMs, () =>
            {
                step++;
                ScheduleNextStep();
                Refresh();
            });
        }
    }
}
