namespace CellularIot.ModemSim.Tests.Support;

/// <summary>The dialect's byte sequences the tests expect.</summary>
internal static class Dialect
{
    public const string Ok = "\r\nOK\r\n";
    public const string Error = "\r\nERROR\r\n";
    public const string Boot = "\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\nSMS Ready\r\n";
    public const string PowerDown = "\r\nNORMAL POWER DOWN\r\n";

    public static string Line(string text) => "\r\n" + text + "\r\n";
}
