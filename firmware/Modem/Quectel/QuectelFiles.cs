namespace CellularIot.Modem.Quectel
{
    using System;
    using CellularIot.At;
    using CellularIot.Bytes;
    using CellularIot.Support;

    /// <summary>
    /// The CA certificate in the module's user file system (FILE AT Commands Manual: AT+QFLST, AT+QFDEL, AT+QFUPL).
    /// AT+QFUPL answers CONNECT, takes exactly the announced bytes and reports <c>+QFUPL: &lt;size&gt;,&lt;checksum&gt;</c>;
    /// both are checked against our own count and <see cref="QuectelChecksum"/>, and a file that does not match is
    /// deleted. The manual offers no cheap way to read a stored file's checksum back, so a verified upload leaves a
    /// one-byte marker named after the content's checksum (<c>ca.pem.3a4f</c>) beside the file: afterwards one
    /// AT+QFLST="*" (every file with its size) tells whether this very CA is stored, so a boot writes no flash.
    /// </summary>
    internal sealed class QuectelFiles
    {
        /// <summary>The storage the SSL contexts read certificates from.</summary>
        public const string Storage = "UFS:";

        // Room for the listing of a file system that holds the CA, its marker and a few files more.
        private const int ListCapacity = 1024;
        private const int ListLines = 16;

        // What a marker holds: its name says everything.
        private static readonly byte[] MarkerContent = new byte[] { (byte)'1' };

        private readonly ModemCommands commands;
        private readonly QuectelSettings settings;
        private readonly ILog log;

        public QuectelFiles(ModemCommands commands, QuectelSettings settings, ILog log)
        {
            this.commands = commands;
            this.settings = settings;
            this.log = log;
        }

        /// <summary>Stores <paramref name="pem"/> as <paramref name="fileName"/> unless this very content is there; true when written.</summary>
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
            string marker = path + "." + Hex.ToString(QuectelChecksum.Compute(pem, 0, pem.Length), 4);
            AtText.CheckCommandText(marker);
            AtResponse files = List();
            if (SizeOf(files, path) == pem.Length && SizeOf(files, marker) == MarkerContent.Length)
            {
                log.Info("CA file " + fileName + " unchanged");
                return false;
            }

            // The file and any marker of an earlier content go first: AT+QFUPL refuses to overwrite a file.
            for (int i = 0; i < files.LineCount; i++)
            {
                string name = files.GetField(i, 0);
                if (name == path || (name != null && name.StartsWith(path + ".")))
                {
                    Delete(name);
                }
            }

            Upload(path, pem);
            Upload(marker, MarkerContent);
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

        // AT+QFLST="*": a line "+QFLST: "UFS:<name>",<size>" for every file in the user file system.
        private AtResponse List()
        {
            AtCommand command = new AtCommand(ModemCommands.LongCommand, ListCapacity, ListLines).Begin("AT+QFLST=\"*\"")
                .Expect("+QFLST: ", 1).WithTimeout(settings.FileTimeoutMs);
            return commands.Ok(command);
        }

        // The size of path in the list, or -1 when it is not there.
        private static int SizeOf(AtResponse files, string path)
        {
            int size;
            for (int i = 0; i < files.LineCount; i++)
            {
                if (files.GetField(i, 0) == path && files.TryGetInt(i, 1, out size))
                {
                    return size;
                }
            }

            return -1;
        }
    }
}
