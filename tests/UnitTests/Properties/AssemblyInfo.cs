using System.Reflection;

[assembly: AssemblyTitle("CellularIot unit tests")]
[assembly: AssemblyProduct("CellularIot")]
