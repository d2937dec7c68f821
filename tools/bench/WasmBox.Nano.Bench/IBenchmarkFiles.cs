namespace WasmBox.Nano.Bench;

/// <summary>Where the manifest, programs and inputs come from; paths are relative to tools/bench.</summary>
public interface IBenchmarkFiles
{
    /// <summary>Human-readable origin, printed with the results.</summary>
    string Origin { get; }

    /// <summary>The file's bytes; throws <see cref="BenchmarkSetupException"/> when it does not exist.</summary>
    byte[] Read(string relativePath);
}

/// <summary>The copies built into this assembly (see the .csproj).</summary>
public sealed class EmbeddedBenchmarkFiles : IBenchmarkFiles
{
    private static readonly System.Reflection.Assembly Assembly = typeof(EmbeddedBenchmarkFiles).Assembly;

    public string Origin => "embedded in " + Assembly.GetName().Name;

    public byte[] Read(string relativePath)
    {
        using Stream? stream = Assembly.GetManifestResourceStream(relativePath)
            ?? throw new BenchmarkSetupException($"no embedded benchmark file '{relativePath}'; rebuild wbx after tools/bench/build.sh");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>A tools/bench folder on disk, e.g. after rebuilding the programs without rebuilding wbx.</summary>
public sealed class DirectoryBenchmarkFiles(string directory) : IBenchmarkFiles
{
    public string Origin => Path.GetFullPath(directory);

    public byte[] Read(string relativePath)
    {
        string path = Path.GetFullPath(Path.Combine(directory, relativePath));
        if (!File.Exists(path))
        {
            throw new BenchmarkSetupException($"benchmark file not found: {path}");
        }
        return File.ReadAllBytes(path);
    }
}
