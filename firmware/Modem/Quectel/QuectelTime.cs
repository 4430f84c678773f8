namespace CellularIot.Modem.Quectel
{
    using System;

    /// <summary>
    /// Reads AT+QLTS's time (AT Commands Manual, AT+QLTS): <c>yyyy/MM/dd,hh:mm:ss±zz,d</c>, the local time with the
    /// zone in quarter hours and the daylight-saving flag (already part of the zone, so ignored), as UTC.
    /// </summary>
    internal static class QuectelTime
    {
        /// <summary>True with the UTC time for a well-formed answer; false for anything else (also the empty answer before network time).</summary>
        public static bool TryParse(string text, out DateTime utc)
        {
            utc = DateTime.MinValue;
            if (text == null || text.Length < 21 || text[0] != '2' || text[1] != '0')
            {
                return false;
            }

            // Without the century and the flag it is AT+CCLK's form (yy/MM/dd,hh:mm:ss±zz).
            int flag = text.IndexOf(',', 11);
            string cclk = flag < 0 ? text.Substring(2) : text.Substring(2, flag - 2);
            return NetworkTime.TryParseCclk(cclk, out utc);
        }
    }
}
