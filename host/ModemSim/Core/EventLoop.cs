using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace CellularIot.ModemSim.Core;

/// <summary>
/// Runs everything the module does on one thread, in order: received bytes, timers, socket events and API calls.
/// One thread keeps the module's state free of locks and its behaviour deterministic; it sleeps on a monitor until
/// the next posted action or due timer, never polling.
/// </summary>
internal sealed class EventLoop : IDisposable
{
    private readonly object gate = new();
    private readonly Queue<Action> ready = new();
    private readonly PriorityQueue<ScheduledAction, (long Due, long Sequence)> timers = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource stopped = new();
    private readonly Thread thread;
    private long sequence;
    private bool stopping;
    private Exception? lastError;

    public EventLoop(string name)
    {
        thread = new Thread(Run) { IsBackground = true, Name = name };
        thread.Start();
    }

    /// <summary>Milliseconds since the loop started.</summary>
    public long NowMs => clock.ElapsedMilliseconds;

    /// <summary>The last exception an action threw (the loop survives it); null when all went well.</summary>
    public Exception? LastError => Volatile.Read(ref lastError);

    /// <summary>Records a failure from work off the loop (socket tasks) as <see cref="LastError"/>.</summary>
    public void Report(Exception error) => Volatile.Write(ref lastError, error);

    public bool IsLoopThread => Environment.CurrentManagedThreadId == thread.ManagedThreadId;

    /// <summary>Queues <paramref name="action"/>; false when the loop has stopped.</summary>
    public bool Post(Action action)
    {
        lock (gate)
        {
            if (stopping)
            {
                return false;
            }

            ready.Enqueue(action);
            Monitor.Pulse(gate);
            return true;
        }
    }

    /// <summary>Runs <paramref name="action"/> on the loop after <paramref name="delayMs"/>; timers due together run in the order scheduled.</summary>
    public ScheduledAction Schedule(int delayMs, Action action)
    {
        var item = new ScheduledAction(action);
        lock (gate)
        {
            if (!stopping)
            {
                timers.Enqueue(item, (NowMs + Math.Max(0, delayMs), sequence++));
                Monitor.Pulse(gate);
            }
        }

        return item;
    }

    /// <summary>Runs <paramref name="action"/> on the loop and waits for it (inline when already on the loop).</summary>
    public void Invoke(Action action) => Invoke(() =>
    {
        action();
        return true;
    });

    /// <summary>Runs <paramref name="func"/> on the loop and returns its result (inline when already on the loop).</summary>
    public T Invoke<T>(Func<T> func)
    {
        if (IsLoopThread)
        {
            return func();
        }

        T result = default!;
        ExceptionDispatchInfo? failure = null;
        using var done = new ManualResetEventSlim();
        bool posted = Post(() =>
        {
            try
            {
                result = func();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                done.Set();
            }
        });
        try
        {
            if (!posted)
            {
                throw new ObjectDisposedException(nameof(ModemSimulator));
            }

            done.Wait(stopped.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new ObjectDisposedException(nameof(ModemSimulator), e);
        }

        failure?.Throw();
        return result;
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (stopping)
            {
                return;
            }

            stopping = true;
            ready.Clear();
            timers.Clear();
            Monitor.Pulse(gate);
        }

        stopped.Cancel();
        if (!IsLoopThread)
        {
            thread.Join();
        }

        stopped.Dispose();
    }

    private void Run()
    {
        while (Next() is { } action)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                // A bug in one handler must not silence the module for the rest of a run; it is reported instead.
                Report(e);
            }
        }
    }

    private Action? Next()
    {
        lock (gate)
        {
            while (!stopping)
            {
                if (ready.Count > 0)
                {
                    return ready.Dequeue();
                }

                if (!timers.TryPeek(out ScheduledAction? timer, out (long Due, long Sequence) key))
                {
                    Monitor.Wait(gate);
                    continue;
                }

                long wait = key.Due - NowMs;
                if (wait > 0)
                {
                    Monitor.Wait(gate, (int)Math.Min(wait, int.MaxValue));
                    continue;
                }

                timers.Dequeue();
                if (!timer.Cancelled)
                {
                    return timer.Action;
                }
            }

            return null;
        }
    }
}
