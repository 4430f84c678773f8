namespace CellularIot.Modem.Quectel
{
    using CellularIot.At;
    using CellularIot.Support;

    /// <summary>The driver's sockets by client id; an id is taken by the first free slot and freed on close.</summary>
    internal sealed class QuectelSocketTable
    {
        private readonly object sync = new object();
        private readonly QuectelSocket[] sockets;

        public QuectelSocketTable(int count)
        {
            sockets = new QuectelSocket[count];
        }

        /// <summary>Creates a socket on the lowest free id.</summary>
        /// <exception cref="ModemException">Every id is taken.</exception>
        public QuectelSocket Allocate(AtChannel channel, IClock clock, QuectelSettings settings)
        {
            lock (sync)
            {
                for (int cid = 0; cid < sockets.Length; cid++)
                {
                    if (sockets[cid] == null)
                    {
                        sockets[cid] = new QuectelSocket(this, channel, clock, settings, cid);
                        return sockets[cid];
                    }
                }
            }

            throw new ModemException("all " + sockets.Length + " sockets are in use");
        }

        /// <summary>Frees <paramref name="cid"/> if <paramref name="socket"/> still holds it.</summary>
        public void Release(int cid, QuectelSocket socket)
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
        public QuectelSocket Find(int cid)
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
            QuectelSocket[] held = new QuectelSocket[sockets.Length];
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
