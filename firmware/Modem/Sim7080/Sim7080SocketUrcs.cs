namespace CellularIot.Modem.Sim7080
{
    using System;
    using CellularIot.At;

    /// <summary>
    /// Routes the SIM7080G's socket URCs to the socket they name: +CADATAIND (data waiting), +CASTATE (closed by
    /// the peer or the network) and the late +CASEND result some firmware sends.
    /// </summary>
    internal sealed class Sim7080SocketUrcs : IDisposable
    {
        private readonly AtChannel channel;
        private readonly ModemSocketTable sockets;

        public Sim7080SocketUrcs(AtChannel channel, ModemSocketTable sockets)
        {
            this.channel = channel;
            this.sockets = sockets;
            channel.Register("+CADATAIND: ", OnDataIndication);
            channel.Register("+CASTATE: ", OnSocketState);
            channel.Register("+CASEND: ", OnSendResult);
        }

        /// <summary>Stops listening to the socket URCs.</summary>
        public void Dispose()
        {
            channel.Unregister("+CADATAIND: ");
            channel.Unregister("+CASTATE: ");
            channel.Unregister("+CASEND: ");
        }

        private void OnDataIndication(AtLine line)
        {
            ModemSocket socket = SocketFor(line);
            if (socket != null)
            {
                socket.OnDataIndicated();
            }
        }

        private void OnSocketState(AtLine line)
        {
            int state;
            ModemSocket socket = SocketFor(line);
            if (socket != null && line.TryGetInt(1, out state) && state == 0)
            {
                socket.MarkClosed("closed by the peer or the network (+CASTATE)");
            }
        }

        private void OnSendResult(AtLine line)
        {
            // Some firmware confirms AT+CASEND later with "+CASEND: <cid>,<result>,<len>"; 0 is success.
            int result;
            ModemSocket socket = SocketFor(line);
            if (socket != null && line.TryGetInt(1, out result) && result != 0)
            {
                socket.MarkClosed("send failed (+CASEND result " + result + ")");
            }
        }

        private ModemSocket SocketFor(AtLine line)
        {
            int cid;
            return line.TryGetInt(0, out cid) ? sockets.Find(cid) : null;
        }
    }
}
