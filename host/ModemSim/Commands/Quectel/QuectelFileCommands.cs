using System.Globalization;
using CellularIot.ModemSim.Core;

namespace CellularIot.ModemSim.Commands.Quectel;

/// <summary>
/// The user file system UFS (FILE AT Commands Manual): AT+QFLST (one file, or "*" for all), AT+QFDEL and AT+QFUPL (CONNECT, exactly the
/// announced bytes within the input time, then <c>+QFUPL: &lt;size&gt;,&lt;checksum&gt;</c>, the 16-bit XOR of the data
/// in hexadecimal). Files live in the simulator's flash under their name without the "UFS:" prefix.
/// </summary>
internal sealed class QuectelFileCommands(ModemCore modem) : ICommandFamily
{
    private const string Ufs = "UFS:";
    private const int MaxInputSeconds = 65535;

    public void Register(CommandDispatcher dispatcher)
    {
        dispatcher.Add("+QFLST", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => List(c.Args, r)));
        dispatcher.Add("+QFDEL", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Delete(c.Args, r)));
        dispatcher.Add("+QFUPL", (c, r) => GeneralCommands.Only(c, CommandForm.Set, r, () => Upload(c.Args, r)));
    }

    /// <summary>The file name a UFS path stands for ("UFS:a.pem" and "a.pem" are the same file).</summary>
    public static string NameOf(string path)
    {
        string name = path.StartsWith(Ufs, StringComparison.Ordinal) ? path[Ufs.Length..] : path;
        if (name.Length is 0 or > 80 || name.Contains('/', StringComparison.Ordinal) || name.Contains(':', StringComparison.Ordinal))
        {
            throw new CommandArgumentException("A file name is 1..80 characters without '/' or ':'.");
        }

        return name;
    }

    /// <summary>The checksum AT+QFUPL reports: XOR of the data as 16-bit big-endian words, an odd last byte padded with 0.</summary>
    public static int Checksum(byte[] data)
    {
        int sum = 0;
        for (int i = 0; i < data.Length; i += 2)
        {
            sum ^= (data[i] << 8) | (i + 1 < data.Length ? data[i + 1] : 0);
        }

        return sum;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // AT+QFLST="*" lists every file; AT+QFLST="<path>" one.
    private void List(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(1, 1);
        string path = args.Quoted(0);
        if (path is "*" or "UFS:*")
        {
            foreach (string file in modem.Files.FileNames)
            {
                reply.Info(Format($"+QFLST: \"{Ufs}{file}\",{modem.Files.ReadFile(file)?.Length ?? 0}"));
            }

            reply.Ok();
            return;
        }

        byte[]? content = modem.Files.ReadFile(NameOf(path));
        if (content is null)
        {
            reply.Cme(CmeError.FileNotFound);
            return;
        }

        GeneralCommands.Answer(reply, Format($"+QFLST: \"{path}\",{content.Length}"));
    }

    private void Delete(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(1, 1);
        if (modem.Files.DeleteFile(NameOf(args.Quoted(0))))
        {
            reply.Ok();
        }
        else
        {
            reply.Cme(CmeError.FileNotFound);
        }
    }

    private void Upload(CommandArgs args, CommandReply reply)
    {
        args.RequireCount(1, 4);
        string name = NameOf(args.Quoted(0));
        int length = args.Count > 1 ? args.Int(1, 1, SimFileSystem.MaxFileSize) : SimFileSystem.MaxFileSize;
        int timeoutSeconds = args.OptionalInt(2, 1, MaxInputSeconds, 5);
        if (args.OptionalInt(3, 0, 1, 0) != 0)
        {
            // The ACK mode (an "A" after every kilobyte) is not simulated.
            reply.Cme(CmeError.OperationNotSupported);
            return;
        }

        if (modem.Files.ReadFile(name) is not null)
        {
            reply.Cme(CmeError.FileExists);
            return;
        }

        reply.Info("CONNECT");
        modem.Input.Capture(length, timeoutSeconds * 1000, data => Stored(name, data, reply), data => Stored(name, data, reply));
    }

    // What arrived is kept, whole or (when the input time ran out) partial, and reported with its size and checksum.
    private void Stored(string name, byte[] data, CommandReply reply)
    {
        modem.Files.Write(name, data, append: false);
        reply.Info(Format($"+QFUPL: {data.Length},{Checksum(data):x}"));
        reply.Ok();
    }
}
