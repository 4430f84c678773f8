using System.Reflection;

[assembly: AssemblyTitle("CellularIot.Firmware")]
[assembly: AssemblyDescription("1NCE JWT onboarding and AWS IoT Core MQTT over an LTE-M/NB-IoT modem")]
[assembly: AssemblyProduct("CellularIot")]
[assembly: AssemblyVersion("0.1.0.0")]
