namespace CellularIot.DeviceTestRun;

/// <summary>The outcome nanoFramework's UnitTestLauncher prints for one method call.</summary>
public enum CaseOutcome
{
    /// <summary>"Test passed": the call returned.</summary>
    Passed,

    /// <summary>"Test failed": the call threw, and not SkipTestException.</summary>
    Failed,

    /// <summary>"Test skipped": the call threw SkipTestException.</summary>
    Skipped,
}
