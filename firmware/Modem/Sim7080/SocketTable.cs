namespace CellularIot.Modem.Sim7080
{
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>The driver's sockets by connection id; an id is taken by the first free slot and freed on close.</summary>
    internal sealed class SocketTable
    {
        private readonly object sync = new object();
        private readonly Sim7080Socket[] sockets;

        public SocketTable(int count)
        {
            sockets = new Sim7080Socket[count];
        }

        /// <summary>Creates a socket on the lowest free id.</summary>
        /// <exception cref="ModemException">Every id is taken.</exception>
        public Sim7080Socket Allocate(AtChannel channel, IClock clock, Sim7080Settings settings)
        {
            lock (sync)
            {
                for (int cid = 0; cid < sockets.Length; cid++)
                {
                    if (sockets[cid] == null)
                    {
                        sockets[cid] = new Sim7080Socket(this, channel, clock, settings, cid);
                        return sockets[cid];
                    }
                }
            }

            throw new ModemException("all " + sockets.Length + " sockets are in use");
        }

        /// <summary>Frees <paramref name="cid"/> if <paramref name="socket"/> still holds it.</summary>
        public void Release(int cid, Sim7080Socket socket)
        {
            lock (sync)
            {
                if (sockets[cid] == socket)
                {
                    sockets[cid] = null;
                }
            }
        }

        /// <summary>The socket holding <paramref name="cid"/>, or null (also for ids out of range).</summary>
        public Sim7080Socket Find(int cid)
        {
            if (cid < 0 || cid >= sockets.Length)
            {
                return null;
            }

            lock (sync)
            {
                return sockets[cid];
            }
        }

        /// <summary>The module lost every connection: frees every id and detaches the sockets that held them.</summary>
        public void DetachAll(string reason)
        {
            Sim7080Socket[] held = new Sim7080Socket[sockets.Length];
            lock (sync)
            {
                for (int i = 0; i < sockets.Length; i++)
                {
                    held[i] = sockets[i];
                    sockets[i] = null;
                }
            }

            for (int i = 0; i < held.Length; i++)
            {
                if (held[i] != null)
                {
                    held[i].Detach(reason);
                }
            }
        }
    }
}
