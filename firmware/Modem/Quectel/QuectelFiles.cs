namespace CellularIot.Modem.Quectel
{
    using System;
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>
    /// The CA certificate in the module's user file system (FILE AT Commands Manual: AT+QFLST, AT+QFDEL, AT+QFUPL).
    /// AT+QFUPL answers CONNECT, takes exactly the announced bytes and reports <c>+QFUPL: &lt;size&gt;,&lt;checksum&gt;</c>;
    /// both are checked against our own count and <see cref="QuectelChecksum"/>, and a file that does not match is
    /// deleted. Afterwards one AT+QFLST (the stored size) tells whether the file is there, so a boot does not write
    /// flash again. The manual offers no cheap way to read a stored file's checksum back, so a CA replaced by another
    /// of exactly the same size is not noticed; the CAs this firmware ships differ in size.
    /// </summary>
    internal sealed class QuectelFiles
    {
        /// <summary>The storage the SSL contexts read certificates from.</summary>
        public const string Storage = "UFS:";

        private readonly ModemCommands commands;
        private readonly QuectelSettings settings;
        private readonly ILog log;

        public QuectelFiles(ModemCommands commands, QuectelSettings settings, ILog log)
        {
            this.commands = commands;
            this.settings = settings;
            this.log = log;
        }

        /// <summary>Stores <paramref name="pem"/> as <paramref name="fileName"/> unless a file of its size is there; true when written.</summary>
        public bool Ensure(string fileName, byte[] pem)
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

            string path = Storage + fileName;
            int stored = StoredSize(path);
            if (stored == pem.Length)
            {
                log.Info("CA file " + fileName + " unchanged");
                return false;
            }

            if (stored >= 0)
            {
                // AT+QFUPL refuses to overwrite an existing file.
                Delete(path);
            }

            Upload(path, pem);
            log.Info("CA file " + fileName + " written (" + pem.Length + " bytes, checksum verified)");
            return true;
        }

        private void Upload(string path, byte[] pem)
        {
            int inputSeconds = settings.FileTimeoutMs / 1000;
            AtCommand upload = commands.Command(ModemCommands.LongCommand).Begin("AT+QFUPL=").AppendQuoted(path).Append(",").Append(pem.Length)
                .Append(",").Append(inputSeconds)
                .Expect("+QFUPL: ", 1)
                .WithPayload(AtPrompt.Connect, pem, 0, pem.Length)
                .WithTimeout(settings.FileTimeoutMs + settings.CommandTimeoutMs);
            AtResponse response = commands.Ok(upload);
            int size;
            int expected = QuectelChecksum.Compute(pem, 0, pem.Length);
            int reported = response.LineCount == 0 ? -1 : QuectelChecksum.Parse(response.GetField(0, 1));
            if (response.LineCount == 0 || !response.TryGetInt(0, 0, out size) || size != pem.Length || reported != expected)
            {
                string answer = response.LineCount == 0 ? "no +QFUPL line" : response.GetLine(0);
                commands.Execute(commands.Command(ModemCommands.LongCommand).Begin("AT+QFDEL=").AppendQuoted(path));
                throw new ModemException("CA upload of " + pem.Length + " bytes (checksum " + expected + ") not confirmed: " + answer);
            }
        }

        private void Delete(string path)
        {
            commands.Ok(commands.Command(ModemCommands.LongCommand).Begin("AT+QFDEL=").AppendQuoted(path).WithTimeout(settings.FileTimeoutMs));
        }

        // The stored size, or -1 when the file does not exist (AT+QFLST answers +CME ERROR: 405 then).
        private int StoredSize(string path)
        {
            AtCommand command = commands.Command(ModemCommands.LongCommand).Begin("AT+QFLST=").AppendQuoted(path)
                .Expect("+QFLST: ", 1).WithTimeout(settings.FileTimeoutMs);
            AtOutcome outcome = commands.Execute(command);
            int size;
            if (outcome == AtOutcome.Ok)
            {
                AtResponse response = command.Response;
                return response.LineCount > 0 && response.GetField(0, 0) == path && response.TryGetInt(0, 1, out size) ? size : -1;
            }

            if (outcome == AtOutcome.Error || outcome == AtOutcome.CmeError)
            {
                return -1;
            }

            throw ModemCommands.Failure(command);
        }
    }
}
