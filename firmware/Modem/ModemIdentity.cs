namespace CellularIot.Modem
{
    /// <summary>Who the modem and its SIM are.</summary>
    public sealed class ModemIdentity
    {
        /// <summary>Creates the record.</summary>
        public ModemIdentity(string iccid, string imei, string firmwareRevision)
        {
            Iccid = iccid;
            Imei = imei;
            FirmwareRevision = firmwareRevision;
        }

        /// <summary>The SIM's ICCID (19 or 20 digits); 1NCE keys devices by it.</summary>
        public string Iccid { get; private set; }

        /// <summary>The module's IMEI (15 digits).</summary>
        public string Imei { get; private set; }

        /// <summary>The module's firmware revision (<c>1951B17SIM7080</c>).</summary>
        public string FirmwareRevision { get; private set; }
    }
}
