using System.Runtime.Versioning;
using System.Text;
using CellularIot.At;
using CellularIot.ModemSim.Pty;

namespace CellularIot.ModemSim;

/// <summary>
/// A pseudo-terminal pair (openpty(3), raw mode via cfmakeraw/tcsetattr): the simulator serves
/// <see cref="Master"/>, and the host's serial stack opens <see cref="SlavePath"/> (/dev/pts/N) as if it were the
/// modem's UART. The pair keeps its own slave descriptor open so the master never sees a hang-up between openings.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed unsafe class PtyPair : IDisposable
{
    private readonly FdByteLink master;
    private readonly int slave;
    private int disposed;

    private PtyPair(int masterFd, int slaveFd, string slavePath)
    {
        slave = slaveFd;
        SlavePath = slavePath;
        master = new FdByteLink(masterFd);
    }

    /// <summary>The slave device, for a serial port (for example /dev/pts/5).</summary>
    public string SlavePath { get; }

    /// <summary>The master end as a byte link, for <see cref="ModemSimulator"/> (which disposes it).</summary>
    public IByteLink Master => master;

    /// <summary>Opens a pair in raw mode.</summary>
    public static PtyPair Open()
    {
        int masterFd;
        int slaveFd;
        int result;
        try
        {
            result = LibC.OpenPty(out masterFd, out slaveFd, 0, 0, 0);
        }
        catch (EntryPointNotFoundException)
        {
            result = LibC.OpenPtyLibUtil(out masterFd, out slaveFd, 0, 0, 0);
        }

        if (result != 0)
        {
            throw LibC.Failure("openpty");
        }

        try
        {
            byte* termios = stackalloc byte[LibC.TermiosSize];
            if (LibC.TcGetAttr(slaveFd, termios) != 0)
            {
                throw LibC.Failure("tcgetattr");
            }

            LibC.CfMakeRaw(termios);
            if (LibC.TcSetAttr(slaveFd, LibC.TCSANOW, termios) != 0)
            {
                throw LibC.Failure("tcsetattr");
            }

            byte* name = stackalloc byte[128];
            if (LibC.PtsNameR(masterFd, name, 128) != 0)
            {
                throw LibC.Failure("ptsname_r");
            }

            string path = Encoding.ASCII.GetString(name, new ReadOnlySpan<byte>(name, 128).IndexOf((byte)0));
            return new PtyPair(masterFd, slaveFd, path);
        }
        catch
        {
            LibC.Close(masterFd);
            LibC.Close(slaveFd);
            throw;
        }
    }

    /// <summary>Closes both ends (the master only if the simulator has not already).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            master.Dispose();
            LibC.Close(slave);
        }
    }
}
