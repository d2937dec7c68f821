namespace WasmBox.Nano.NanoClr;

/// <summary>
/// What nanoFramework's UnitTestLauncher printed: <c>Test passed,NAME,TICKS</c>, <c>Test failed,NAME,MESSAGE</c>,
/// <c>Test skipped,NAME,REASON</c> per test case and <c>Done.</c> at the end. nanoCLR exits 0 whatever happened,
/// so a missing <c>Done.</c> (a crash or a hang) is itself a failure.
/// </summary>
internal sealed class LauncherReport
{
    public List<string> Passed { get; } = [];
    public List<(string Name, string Message)> Failed { get; } = [];
    public List<(string Name, string Reason)> Skipped { get; } = [];
    public bool Done { get; private set; }

    public static LauncherReport Parse(string output)
    {
        var report = new LauncherReport();
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line == "Done.") report.Done = true;
            else if (Field(line, "Test passed,") is { } passed) report.Passed.Add(passed.Name);
            else if (Field(line, "Test failed,") is { } failed) report.Failed.Add(failed);
            else if (Field(line, "Test skipped,") is { } skipped) report.Skipped.Add(skipped);
        }
        return report;
    }

    static (string Name, string Detail)? Field(string line, string prefix)
    {
        if (!line.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var body = line[prefix.Length..];
        int comma = body.IndexOf(',');
        return comma < 0 ? (body, "") : (body[..comma], body[(comma + 1)..]);
    }
}
