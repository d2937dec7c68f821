namespace WasmBox.Nano.Samples.Tests.Support;

/// <summary>Where the samples live: tools/samples of the repository the tests were built from.</summary>
public static class SamplePaths
{
    public static string Root { get; } = FindSamples();

    public static string Include => Path.Combine(Root, "include");

    /// <summary>The folder holding the Femto-Containers shim (bpf/bpfapi/helpers.h).</summary>
    public static string FemtoInclude => Path.Combine(Root, "femto");

    public static string Out => Path.Combine(Root, "out");

    public static string Keys => Path.Combine(Root, "keys");

    public static string Native => Path.Combine(Root, "native");

    public static string Policy => Path.Combine(Root, "policy.demo.json");

    public static string Source(string relative) => Path.Combine(Root, relative);

    private static string FindSamples()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tools", "samples");
            if (File.Exists(Path.Combine(candidate, "include", "wasmbox.h")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("tools/samples not found above " + AppContext.BaseDirectory);
    }
}
