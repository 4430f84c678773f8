using System.Globalization;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim.Commands;

/// <summary>
/// The flash file system, directory 3 (/customer/) only: CFSINIT, CFSWFILE (DOWNLOAD prompt, then exactly the
/// announced bytes), CFSRFILE, CFSGFIS, CFSDFILE, CFSTERM. Every command but CFSINIT needs the file system open.
/// </summary>
internal sealed class FileCommands(ModemCore modem) : ICommandFamily
{
    private const int CustomerDirectory = 3;
    private const int MaxWriteTimeoutMs = 10000;

    public void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("+CFSINIT", (c, r) => GeneralCommands.Only(c, CommandForm.Execute, r, () =>
        {
            modem.Session.FileSystemOpen = true;
            r.Ok();
        }));
        dispatcher.Add("+CFSTERM", (c, r) => GeneralCommands.Only(c, CommandForm.Execute, r, () =>
        {
            modem.Session.FileSystemOpen = false;
            r.Ok();
        }));
        dispatcher.Add("+CFSWFILE", (c, r) => Open(c, r, WriteFile));
        dispatcher.Add("+CFSRFILE", (c, r) => Open(c, r, ReadFile));
        dispatcher.Add("+CFSGFIS", (c, r) => Open(c, r, FileSize));
        dispatcher.Add("+CFSDFILE", (c, r) => Open(c, r, DeleteFile));
    }

    private static string FileName(CommandArgs args)
    {
        args.Int(0, CustomerDirectory, CustomerDirectory);
        string name = args.Quoted(1);
        if (name.Length is 0 or > 64 || name.Contains('/', StringComparison.Ordinal))
        {
            throw new CommandArgumentException("A file name is 1..64 characters without '/'.");
        }

        return name;
    }

    private void Open(CommandLine command, CommandReply reply, Action<CommandArgs, CommandReply> action)
    {
        if (command.Kind != CommandForm.Set)
        {
            reply.Error();
        }
        else if (!modem.Session.FileSystemOpen)
        {
            reply.Cme(CmeError.OperationNotAllowed);
        }
        else
        {
            action(command.Args, reply);
        }
    }

    private void WriteFile(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(5, 5);
        string name = FileName(args);
        bool append = args.Int(2, 0, 1) == 1;
        int length = args.Int(3, 1, SimFileSystem.MaxFileSize);
        int timeoutMs = args.Int(4, 1, Math.Min(MaxWriteTimeoutMs, modem.Options.Profile.MaxFileInputTimeMs));
        reply.Info("DOWNLOAD");
        modem.Input.Capture(
            length,
            timeoutMs,
            data =>
            {
                if (modem.Files.Write(name, data, append))
                {
                    reply.Ok();
                }
                else
                {
                    reply.Cme(CmeError.OperationNotAllowed);
                }
            },
            _ => reply.Error());
    }

    private void ReadFile(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(5, 5);
        string name = FileName(args);
        bool fromPosition = args.Int(2, 0, 1) == 1;
        int length = args.Int(3, 1, SimFileSystem.MaxFileSize);
        int position = args.Int(4, 0, SimFileSystem.MaxFileSize);
        byte[]? content = modem.Files.ReadFile(name);
        if (content is null)
        {
            reply.Cme(CmeError.NotFound);
            return;
        }

        int start = fromPosition ? Math.Min(position, content.Length) : 0;
        int count = Math.Min(length, content.Length - start);
        reply.Info(string.Create(CultureInfo.InvariantCulture, $"+CFSRFILE: {count}"));
        reply.Raw(content[start..(start + count)], count);
        reply.Ok();
    }

    private void FileSize(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(2, 2);
        byte[]? content = modem.Files.ReadFile(FileName(args));
        if (content is null)
        {
            reply.Cme(CmeError.NotFound);
            return;
        }

        GeneralCommands.Answer(reply, string.Create(CultureInfo.InvariantCulture, $"+CFSGFIS: {content.Length}"));
    }

    private void DeleteFile(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(2, 2);
        if (modem.Files.DeleteFile(FileName(args)))
        {
            reply.Ok();
        }
        else
        {
            reply.Cme(CmeError.NotFound);
        }
    }
}
