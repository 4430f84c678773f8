namespace CellularIot.Modem.Sim7080
{
    using System;
    using CellularIot.At;
    using CellularIot.Storage;
    using CellularIot.Support;

    /// <summary>
    /// The CA certificate in the module's file system (AT+CFS*) and its import into the certificate store. The
    /// file is written only when the stored one differs in size (AT+CFSGFIS) or content (AT+CFSRFILE), which saves
    /// flash wear and a slow upload at every boot.
    /// </summary>
    internal sealed class CaFileStore
    {
        // AT+CFS* directory 3 ("customer") is where AT+CSSLCFG="convert" looks for certificates.
        private const int CustomerDirectory = 3;

        private readonly ModemCommands commands;
        private readonly Sim7080Settings settings;
        private readonly ILog log;

        private readonly object sync = new object();

        // The CA this driver last stored and imported (name, CRC-32, length) since the module last started; null before.
        private string ensuredName;
        private uint ensuredCrc;
        private int ensuredLength;

        public CaFileStore(ModemCommands commands, Sim7080Settings settings, ILog log)
        {
            this.commands = commands;
            this.settings = settings;
            this.log = log;
        }

        /// <summary>
        /// Stores <paramref name="pem"/> as <paramref name="fileName"/> unless it is there already, and imports it;
        /// true when written. A module that kept its settings (<paramref name="keptSettings"/>) imported an unchanged
        /// file already, so it is not imported again; a CA this driver ensured since the module last started costs
        /// no command at all.
        /// </summary>
        public bool Ensure(string fileName, byte[] pem, bool keptSettings)
        {
            AtText.CheckCommandText(fileName);
            if (pem == null)
            {
                throw new ArgumentNullException(nameof(pem));
            }

            if (pem.Length == 0 || pem.Length > settings.MaxFileBytes)
            {
                throw new ArgumentOutOfRangeException(nameof(pem), "a CA file must hold 1.." + settings.MaxFileBytes + " bytes");
            }

            uint crc = Crc32.Compute(pem, 0, pem.Length);
            lock (sync)
            {
                if (fileName == ensuredName && crc == ensuredCrc && pem.Length == ensuredLength)
                {
                    return false;
                }

                ensuredName = null;
            }

            bool write;
            StartSession();
            try
            {
                // A module that kept its settings has run since a bring-up that ensured this firmware's CA: its length
                // is checked, its content not read again. (One of the same length but other content makes the TLS
                // opens fail, which leads to the modem's recovery, after which the content is compared.)
                write = StoredSize(fileName) != pem.Length || (!keptSettings && !StoredEquals(fileName, pem));
                if (write)
                {
                    commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CFSWFILE=").Append(CustomerDirectory).Append(",")
                        .AppendQuoted(fileName).Append(",0,").Append(pem.Length).Append(",").Append(settings.FileInputTimeMs)
                        .WithPayload(AtPrompt.Download, pem, 0, pem.Length)
                        .WithTimeout(settings.FileInputTimeMs + settings.FileTimeoutMs));
                    log.Info("CA file " + fileName + " written (" + pem.Length + " bytes)");
                }
                else
                {
                    log.Info("CA file " + fileName + " unchanged");
                }
            }
            finally
            {
                commands.Execute(commands.Command("AT+CFSTERM"));
            }

            if (write || !keptSettings)
            {
                commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+CSSLCFG=\"convert\",2,").AppendQuoted(fileName));
            }

            lock (sync)
            {
                ensuredName = fileName;
                ensuredCrc = crc;
                ensuredLength = pem.Length;
            }

            return write;
        }

        /// <summary>The module restarted: the CA is checked again the next time it is ensured.</summary>
        public void Forget()
        {
            lock (sync)
            {
                ensuredName = null;
            }
        }

        private void StartSession()
        {
            if (commands.Execute(commands.Command("AT+CFSINIT")) != AtOutcome.Ok)
            {
                // The module refuses a second AT+CFSINIT while an earlier session is open: end it and start again.
                commands.Execute(commands.Command("AT+CFSTERM"));
                commands.Ok(commands.Command("AT+CFSINIT"));
            }
        }

        // The stored size, or -1 when the file does not exist.
        private int StoredSize(string fileName)
        {
            AtCommand command = commands.Command(ModemCommands.LongCommand).Begin("AT+CFSGFIS=").Append(CustomerDirectory).Append(",")
                .AppendQuoted(fileName).Expect("+CFSGFIS: ", 0).WithTimeout(settings.FileTimeoutMs);
            AtOutcome outcome = commands.Execute(command);
            int size;
            if (outcome == AtOutcome.Ok && command.Response.LineCount > 0 && command.Response.TryGetInt(0, 0, out size))
            {
                return size;
            }

            if (outcome == AtOutcome.Error || outcome == AtOutcome.CmeError)
            {
                return -1;
            }

            throw ModemCommands.Failure(command);
        }

        private bool StoredEquals(string fileName, byte[] expected)
        {
            byte[] stored = new byte[expected.Length];
            AtCommand command = commands.Command(ModemCommands.LongCommand).Begin("AT+CFSRFILE=").Append(CustomerDirectory).Append(",")
                .AppendQuoted(fileName).Append(",0,").Append(expected.Length).Append(",0")
                .Expect("+CFSRFILE: ", 0)
                .WithRawRead(AtRawRead.AfterLine, stored, 0, stored.Length)
                .WithTimeout(settings.FileTimeoutMs);
            if (commands.Execute(command) != AtOutcome.Ok || command.Response.RawCount != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (stored[i] != expected[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
