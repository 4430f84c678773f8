using System.Reflection;

[assembly: AssemblyTitle("CellularIot device unit tests")]
[assembly: AssemblyProduct("CellularIot")]
