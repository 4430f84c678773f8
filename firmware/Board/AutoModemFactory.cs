namespace CellularIot.Board
{
    using System.Threading;
    using CellularIot.At;
    using CellularIot.Modem;
    using CellularIot.Modem.Quectel;
    using CellularIot.Modem.Sim7080;
    using CellularIot.Support;

    /// <summary>
    /// device.conf <c>modem=auto</c>: asks the module its model (AT+CGMM, answered by both families as a bare line:
    /// <c>SIMCOM_SIM7080G</c>, <c>BG95-M3</c>, <c>BG96</c>) and builds the driver of its family. A silent module is
    /// switched on first with a PWRKEY pulse both families take as "on" (SIM7080G: at least 1 s; BG95: 0.5 to 1 s;
    /// BG96: at least 0.5 s), and the end of its boot (SMS Ready, APP RDY) is awaited, so that the driver does not
    /// take it for a reboot. A module that never names itself gets the SIM7080G driver, whose bring-up then says
    /// what is wrong.
    /// </summary>
    public sealed class AutoModemFactory : IModemFactory
    {
        private const int PowerKeyPulseMs = 1000;
        private const int ProbeTimeoutMs = 500;
        private const int ProbeAttempts = 3;
        private const int BootTimeoutMs = 20000;
        private const int BootProbeIntervalMs = 1000;

        private readonly IPowerKey powerKey;
        private readonly Sim7080Settings sim7080;
        private readonly QuectelSettings quectel;

        /// <summary>A factory that picks between the two drivers, each with its own settings.</summary>
        public AutoModemFactory(IPowerKey powerKey, Sim7080Settings sim7080, QuectelSettings quectel)
        {
            this.powerKey = powerKey;
            this.sim7080 = sim7080;
            this.quectel = quectel;
        }

        /// <inheritdoc/>
        public IModem Create(AtChannel channel, IClock clock, ILog log)
        {
            channel.Start();
            string model = Identify(channel, clock, log);
            if (IsQuectel(model))
            {
                log.Info("modem identified as " + model + ": Quectel BG95/BG96 driver");
                return new QuectelModem(channel, powerKey, clock, log, quectel);
            }

            log.Info(model == null ? "modem did not name itself: SIM7080G driver" : "modem identified as " + model + ": SIM7080G driver");
            return new Sim7080Modem(channel, powerKey, clock, log, sim7080);
        }

        private string Identify(AtChannel channel, IClock clock, ILog log)
        {
            for (int i = 0; i < ProbeAttempts; i++)
            {
                string model = AskModel(channel);
                if (model != null)
                {
                    return model;
                }
            }

            log.Info("modem silent: pressing PWRKEY to identify it");
            var booted = new ManualResetEvent(false);
            channel.Register("SMS Ready", line => booted.Set());
            channel.Register("APP RDY", line => booted.Set());
            try
            {
                powerKey.Pulse(PowerKeyPulseMs);
                long deadline = clock.MonotonicMs + BootTimeoutMs;
                while (clock.MonotonicMs < deadline)
                {
                    string model = AskModel(channel);
                    if (model != null)
                    {
                        long remaining = deadline - clock.MonotonicMs;
                        booted.WaitOne(remaining > 0 ? (int)remaining : 0, false);
                        return model;
                    }

                    Thread.Sleep(BootProbeIntervalMs);
                }

                return null;
            }
            finally
            {
                channel.Unregister("SMS Ready");
                channel.Unregister("APP RDY");
            }
        }

        // The model line among the answer's bare lines: boot notices (RDY, APP RDY, SMS Ready) may arrive among them.
        private static string AskModel(AtChannel channel)
        {
            AtCommand command = new AtCommand("AT+CGMM").ExpectBare().WithTimeout(ProbeTimeoutMs);
            if (channel.Execute(command) != AtOutcome.Ok)
            {
                return null;
            }

            AtResponse response = command.Response;
            for (int i = 0; i < response.LineCount; i++)
            {
                string line = response.GetLine(i).Trim();
                if (IsQuectel(line) || line.StartsWith("SIMCOM") || line.StartsWith("SIM7"))
                {
                    return line;
                }
            }

            return response.LineCount > 0 ? response.GetLine(response.LineCount - 1).Trim() : string.Empty;
        }

        private static bool IsQuectel(string model)
        {
            return model != null && (model.StartsWith("BG95") || model.StartsWith("BG96") || model.StartsWith("BG77") || model.StartsWith("BG600"));
        }
    }
}
