namespace CellularIot.Modem
{
    using System;

    /// <summary>Reads AT+CCLK's local time with its time zone in quarter hours, as UTC.</summary>
    public static class NetworkTime
    {
        /// <summary>
        /// Parses <c>yy/MM/dd,hh:mm:ss±zz</c> (quotes already removed; zz is the zone in quarter hours, one or
        /// two digits) into UTC; some firmware leaves the zone out, and that time is taken as UTC. False on anything else. Years 80..99 are 1980..1999: the module's clock before network time.
        /// </summary>
        public static bool TryParseCclk(string text, out DateTime utc)
        {
            utc = DateTime.MinValue;
            if (text == null || text.Length == 18 || text.Length < 17 || text.Length > 20)
            {
                return false;
            }

            if (text[2] != '/' || text[5] != '/' || text[8] != ',' || text[11] != ':' || text[14] != ':')
            {
                return false;
            }

            int year = TwoDigits(text, 0);
            int month = TwoDigits(text, 3);
            int day = TwoDigits(text, 6);
            int hour = TwoDigits(text, 9);
            int minute = TwoDigits(text, 12);
            int second = TwoDigits(text, 15);
            bool zoned = text.Length > 17;
            char sign = zoned ? text[17] : '+';
            int quarters = !zoned ? 0 : text.Length == 20 ? TwoDigits(text, 18) : Digit(text[18]);
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > DaysIn(month, CenturyOf(year) + year) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59 || quarters < 0 || quarters > 56 || (sign != '+' && sign != '-'))
            {
                return false;
            }

            var local = new DateTime(CenturyOf(year) + year, month, day, hour, minute, second);
            int offsetMinutes = quarters * 15 * (sign == '-' ? -1 : 1);
            utc = new DateTime(local.AddMinutes(-offsetMinutes).Ticks, DateTimeKind.Utc);
            return true;
        }

        // The module's clock starts at 1980-01-06 until the network sets it, so 80..99 are the 1980s and 1990s: a
        // date read before network time must look old (and be refused as a time), never like the 2080s.
        private static int CenturyOf(int year)
        {
            return year >= 80 ? 1900 : 2000;
        }

        private static int TwoDigits(string text, int at)
        {
            int high = Digit(text[at]);
            int low = Digit(text[at + 1]);
            return high < 0 || low < 0 ? -1 : (high * 10) + low;
        }

        private static int Digit(char c)
        {
            return c >= '0' && c <= '9' ? c - '0' : -1;
        }

        private static int DaysIn(int month, int year)
        {
            if (month == 2)
            {
                return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            }

            return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
        }
    }
}
