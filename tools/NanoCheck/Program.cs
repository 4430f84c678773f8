using CellularIot.NanoCheck;

// Usage: NanoCheck [repository root]. Prints each assembly's result and exits 1 when anything fails.
string root = args.Length > 0 ? args[0] : RepositoryRoot.Find(Directory.GetCurrentDirectory());
var reports = new FirmwareCheck(root, new NanoCompiler(NanoCompiler.DefaultMscorlibPath())).Run();
foreach (var report in reports)
{
    string table = report.StringTableBytes is { } bytes ? $", string table {bytes:N0} of {StringTable.Limit:N0} bytes (budget {StringTable.Budget:N0})" : string.Empty;
    table += report.ByteCodeBytes is { } code ? $", byte code {code:N0} (budget {ByteCode.Budget:N0})" : string.Empty;
    Console.WriteLine($"{(report.Violations.Count == 0 ? "ok  " : "FAIL")} {report.Name}: {report.FileCount} files, {report.Violations.Count} problems{table}");
    foreach (var violation in report.Violations)
    {
        Console.WriteLine("     " + violation);
    }
}

return reports.All(r => r.Violations.Count == 0) ? 0 : 1;
