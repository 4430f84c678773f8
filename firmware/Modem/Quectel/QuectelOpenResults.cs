namespace CellularIot.Modem.Quectel
{
    /// <summary>
    /// The <c>&lt;err&gt;</c> of +QSSLOPEN as the generic socket errors. The BG95/BG96 SSL application note refers to
    /// the TCP/IP application note's "Summary of Error Codes": 552 invalid parameters, 553 memory not enough,
    /// 554 create socket failed, 555 operation not supported, 561 open PDP context failed, 563 socket identity has
    /// been used, 565 DNS parse failed, 566 socket connect failed, 569 operation timeout, 570 PDP context broken
    /// down, 573 APN not configured. A failed TLS handshake (an untrusted chain, a name the certificate does not
    /// carry, a module clock outside the validity) is reported as -1 without telling which, so it counts as a
    /// connection that failed. Any other code is <see cref="SocketOpenError.Other"/>.
    /// </summary>
    internal static class QuectelOpenResults
    {
        public static SocketOpenError ErrorOf(int result)
        {
            switch (result)
            {
                case 552:
                    return SocketOpenError.ParameterInvalid;
                case 553:
                    return SocketOpenError.NoMemory;
                case 554:
                    return SocketOpenError.SocketError;
                case 555:
                    return SocketOpenError.NotSupported;
                case 561:
                case 570:
                case 573:
                    return SocketOpenError.NetworkNotActive;
                case 563:
                    return SocketOpenError.ConnectionLimit;
                case 565:
                    return SocketOpenError.CannotResolveHost;
                case -1:
                case 566:
                case 569:
                    return SocketOpenError.ConnectFailed;
                default:
                    return SocketOpenError.Other;
            }
        }
    }
}
