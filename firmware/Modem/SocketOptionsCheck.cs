namespace CellularIot.Modem
{
    using System;
    using CellularIot.At;

    /// <summary>What every driver refuses before it opens a secure socket: options an AT command cannot carry, and ALPN the firmware does not have.</summary>
    internal static class SocketOptionsCheck
    {
        /// <summary>Refuses <paramref name="options"/> an AT command cannot carry, and ALPN unless <paramref name="supportsAlpn"/>.</summary>
        /// <exception cref="ArgumentNullException">No options.</exception>
        /// <exception cref="ArgumentException">A host, server or file name an AT command cannot carry.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A port out of 1..65535.</exception>
        /// <exception cref="NotSupportedException">ALPN on a firmware without a confirmed ALPN setting.</exception>
        public static void Check(SecureSocketOptions options, bool supportsAlpn)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            AtText.CheckCommandText(options.Host);
            AtText.CheckCommandText(options.CaFileName);
            if (options.ServerName != null)
            {
                AtText.CheckCommandText(options.ServerName);
            }

            if (options.Port < 1 || options.Port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "port must be 1..65535");
            }

            if (options.Alpn != null)
            {
                AtText.CheckCommandText(options.Alpn);
                if (!supportsAlpn)
                {
                    throw new NotSupportedException("this modem firmware has no confirmed ALPN setting");
                }
            }
        }
    }
}
