using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using CellularIot.At;

namespace CellularIot.ModemSim.Pty;

/// <summary>
/// An <see cref="IByteLink"/> over a non-blocking file descriptor (a pty master). Waits happen in poll(2) together
/// with a wake-up pipe, so disposal interrupts a blocked read at once and nothing ever spins.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed unsafe class FdByteLink : IByteLink, IDisposable
{
    // How long a write may wait for a reader that does not drain the pty before the bytes are dropped, as a UART
    // would overrun.
    private const int WriteTimeoutMs = 2000;

    private readonly object gate = new();
    private readonly int fd;
    private readonly int wakeRead;
    private readonly int wakeWrite;
    private int users;
    private bool disposed;

    public FdByteLink(int fd)
    {
        this.fd = fd;
        int* pipe = stackalloc int[2];
        if (LibC.Pipe(pipe) != 0)
        {
            throw LibC.Failure("pipe");
        }

        wakeRead = pipe[0];
        wakeWrite = pipe[1];
        int flags = LibC.Fcntl(fd, LibC.F_GETFL, 0);
        if (flags < 0 || LibC.Fcntl(fd, LibC.F_SETFL, flags | LibC.O_NONBLOCK) < 0)
        {
            throw LibC.Failure("fcntl");
        }
    }

    public int Read(byte[] buffer, int offset, int count, int timeoutMs)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - offset);
        Enter();
        try
        {
            long deadline = Environment.TickCount64 + Math.Max(0, timeoutMs);
            while (true)
            {
                nint read;
                fixed (byte* p = buffer)
                {
                    read = count == 0 ? 0 : LibC.Read(fd, p + offset, (nuint)count);
                }

                if (read > 0)
                {
                    return (int)read;
                }

                int error = Marshal.GetLastPInvokeError();
                if (read < 0 && error != LibC.EAGAIN && error != LibC.EINTR)
                {
                    throw LibC.Failure("read");
                }

                int remaining = (int)Math.Max(0, deadline - Environment.TickCount64);
                if (remaining == 0 || count == 0 || !Wait(LibC.POLLIN, remaining))
                {
                    return 0;
                }
            }
        }
        finally
        {
            Exit();
        }
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length - offset);
        Enter();
        try
        {
            long deadline = Environment.TickCount64 + WriteTimeoutMs;
            int done = 0;
            while (done < count)
            {
                nint written;
                fixed (byte* p = buffer)
                {
                    written = LibC.Write(fd, p + offset + done, (nuint)(count - done));
                }

                if (written > 0)
                {
                    done += (int)written;
                    continue;
                }

                int error = Marshal.GetLastPInvokeError();
                if (written < 0 && error != LibC.EAGAIN && error != LibC.EINTR)
                {
                    throw LibC.Failure("write");
                }

                int remaining = (int)Math.Max(0, deadline - Environment.TickCount64);
                if (remaining == 0 || !Wait(LibC.POLLOUT, remaining))
                {
                    throw new TimeoutException("The pty's reader is not draining it.");
                }
            }
        }
        finally
        {
            Exit();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        byte wake = 1;
        LibC.Write(wakeWrite, &wake, 1);
        lock (gate)
        {
            while (users > 0)
            {
                Monitor.Wait(gate);
            }
        }

        LibC.Close(fd);
        LibC.Close(wakeRead);
        LibC.Close(wakeWrite);
    }

    /// <summary>Waits until the fd is ready for <paramref name="events"/>; false on timeout; throws once disposed.</summary>
    private bool Wait(short events, int timeoutMs)
    {
        LibC.PollFd* fds = stackalloc LibC.PollFd[2];
        fds[0] = new LibC.PollFd { Fd = fd, Events = events };
        fds[1] = new LibC.PollFd { Fd = wakeRead, Events = LibC.POLLIN };
        int result = LibC.Poll(fds, 2, timeoutMs);
        if (result < 0)
        {
            // Interrupted by a signal: report "ready" so the caller simply tries again.
            return Marshal.GetLastPInvokeError() == LibC.EINTR ? true : throw LibC.Failure("poll");
        }

        if (fds[1].Revents != 0)
        {
            throw new ObjectDisposedException(nameof(FdByteLink));
        }

        if ((fds[0].Revents & (LibC.POLLHUP | LibC.POLLERR | LibC.POLLNVAL)) != 0 && (fds[0].Revents & events) == 0)
        {
            // No slave is open (hang-up): nothing can arrive; wait out the time on the wake pipe alone instead of spinning.
            fds[0].Fd = -1;
            LibC.Poll(fds, 2, timeoutMs);
            ObjectDisposedException.ThrowIf(fds[1].Revents != 0, this);
            return false;
        }

        return result > 0;
    }

    private void Enter()
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            users++;
        }
    }

    private void Exit()
    {
        lock (gate)
        {
            users--;
            Monitor.PulseAll(gate);
        }
    }
}
